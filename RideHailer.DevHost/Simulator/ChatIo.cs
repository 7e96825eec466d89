using RideHailer.Simulation;
namespace RideHailer.DevHost.Simulator;

/// <summary>
/// Where the conversation comes from and goes to. <paramref name="Prompt"/> is null when nobody can be asked (piped
/// input, tests); <paramref name="Interactive"/> prompts "You: " before each line instead of echoing it.
/// </summary>
internal sealed record ChatIo(TextReader Input, TextWriter Output, bool Interactive, IAnswerPrompt? Prompt)
{
    public static ChatIo Console(IAnswerPrompt terminalPrompt) => System.Console.IsInputRedirected
        ? new ChatIo(System.Console.In, System.Console.Out, Interactive: false, Prompt: null)
        : new ChatIo(System.Console.In, System.Console.Out, Interactive: true, terminalPrompt);
}
