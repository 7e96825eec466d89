namespace RideHailer.DevHost.WebConsole;

/// <summary>What the page's right-hand panels show after a turn, and the utterances that fit the step the session is at.</summary>
/// <param name="Session">The run's latest session, or null before the first.</param>
/// <param name="Bookings">The rider's bookings found in the store, newest first.</param>
/// <param name="BookingStore">Which store they come from (in-process, or Azure Tables).</param>
/// <param name="Error">Why the durable state or the bookings could not be read, shown rather than swallowed.</param>
internal sealed record ConsoleState(
    SessionView? Session,
    IReadOnlyList<BookingView> Bookings,
    string BookingStore,
    IReadOnlyList<string> QuickUtterances,
    string? Error);
