namespace RideHailer.Bench.Load;

/// <summary>
/// What one level left in the store: bookings stored, riders (sessions) holding more than one, and how many sessions
/// heard their booking confirmed.
/// </summary>
internal sealed record BookingAudit(int Stored, int BookedTwice, int Confirmed)
{
    /// <param name="rowsPerRider">The store's booking rows per rider partition after the level.</param>
    public static BookingAudit Of(IReadOnlyDictionary<string, int> rowsPerRider, int confirmed) =>
        new(rowsPerRider.Values.Sum(), rowsPerRider.Values.Count(rows => rows > 1), confirmed);

    /// <summary>What is wrong; null when nothing is.</summary>
    /// <remarks>A session told "that took too long" at the PIN may still be booked (the turn was delivered, its answer
    /// came late), so only the lower bound is exact: every confirmed booking is stored, and none twice.</remarks>
    public string? Failure =>
        BookedTwice > 0 ? $"{BookedTwice} sessions were booked more than once"
        : Stored < Confirmed ? $"{Confirmed} sessions heard their booking confirmed but {Stored} bookings were stored"
        : null;
}
