namespace RideHailer.Bench.Load;

/// <summary>One target at one rider count: what was measured.</summary>
internal sealed record LevelResult(
    TargetKind Target,
    int Riders,
    int Sessions,
    int Booked,
    int Errors,
    IReadOnlyList<string> FirstErrors,
    TimeSpan Elapsed,
    LatencySamples Latency,
    TimeSpan? Startup,
    long? PeakWorkingSetKiB,
    BookingAudit? Bookings)
{
    public double TurnsPerSecond => Latency.All().Count / Elapsed.TotalSeconds;
}
