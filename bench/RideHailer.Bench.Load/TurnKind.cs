namespace RideHailer.Bench.Load;

/// <summary>The seed conversation's turns, in order; <see cref="Status"/> only with --status.</summary>
internal enum TurnKind
{
    Launch,
    Destination,
    ConsentResume,
    Yes,
    PinResume,

    /// <summary>After the booking, a later session of the same rider: the one-shot "ask Ride Hailer where my ride is" (RideStatusIntent).</summary>
    Status,
}

internal static class TurnKinds
{
    /// <summary>The five turns of the booking session.</summary>
    public static IReadOnlyList<TurnKind> Booking { get; } = [.. Enum.GetValues<TurnKind>().Where(kind => kind != TurnKind.Status)];

    /// <summary>The turns a rider plays: the booking session, then (with --status) the status session.</summary>
    public static IReadOnlyList<TurnKind> Played(bool askStatus) => askStatus ? Enum.GetValues<TurnKind>() : Booking;
}
