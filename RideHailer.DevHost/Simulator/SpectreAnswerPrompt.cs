using RideHailer.Simulation;
using Spectre.Console;

namespace RideHailer.DevHost.Simulator;

/// <summary>A selection list in the terminal, one entry per <c>--consent</c> or <c>--pin</c> value.</summary>
internal sealed class SpectreAnswerPrompt(IAnsiConsole console) : IAnswerPrompt
{
    public ConsentAnswer AskConsent() => console.Prompt(new SelectionPrompt<ConsentAnswer>()
        .Title("How do you answer the consent question? [grey](--consent)[/]")
        .UseConverter(answer => answer.Flag())
        .AddChoices(ConsentAnswers.ByFlag.Values));

    public PinAnswer AskPin() => console.Prompt(new SelectionPrompt<PinAnswer>()
        .Title("How does PIN confirmation end? [grey](--pin)[/]")
        .UseConverter(answer => answer.Flag())
        .AddChoices(PinAnswers.ByFlag.Values));
}
