namespace RideHailer.DevHost.WebConsole;

/// <summary>What one thing the rider said (or one outcome chosen on Amazon's side) led to.</summary>
/// <param name="Transcript">The new lines of the conversation.</param>
/// <param name="Exchanges">Every request sent for it, in order, with its answer.</param>
/// <param name="Awaiting">The connection whose outcome the page must choose next, if the skill started one.</param>
/// <param name="SessionOpen">Whether Alexa's session with the skill is still open.</param>
/// <param name="Error">Why the turn did not complete (an HTTP error's reason, a timeout), or null.</param>
internal sealed record ConsoleTurn(
    IReadOnlyList<TranscriptEntry> Transcript,
    IReadOnlyList<WireExchange> Exchanges,
    PendingConnection? Awaiting,
    bool SessionOpen,
    string? Error);
