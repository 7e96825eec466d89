using RideHailer.Simulation;
namespace RideHailer.DevHost.Simulator;

/// <summary>
/// Where the conversation comes from and goes to. <paramref name="Prompt"/> is null when nobody can be asked (piped
/// input, tests); <paramref name="Interactive"/> prompts "You: " before each line instead of echoing it.
/// <paramref name="Notes"/> takes the simulator's own notes (the conversation's writer when null).
/// </summary>
internal sealed record ChatIo(TextReader Input, TextWriter Output, bool Interactive, IAnswerPrompt? Prompt, TextWriter? Notes = null)
{
    /// <summary>
    /// Piped, standard output is the conversation alone and the notes go to standard error: both write through at
    /// once, so a note still follows the line it is about where the two are shown together.
    /// </summary>
    public static ChatIo Console(IAnswerPrompt terminalPrompt) => System.Console.IsInputRedirected
        ? new ChatIo(System.Console.In, System.Console.Out, Interactive: false, Prompt: null, System.Console.Error)
        : new ChatIo(System.Console.In, System.Console.Out, Interactive: true, terminalPrompt);
}
