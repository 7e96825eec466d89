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
    /// <summary>DevHosts on the task hub (1 unless --instances).</summary>
    public int Instances { get; init; } = 1;

    /// <summary>The DevHost's Durable:ReplyWait, when the driver chose it (--wait).</summary>
    public string? Wait { get; init; }

    /// <summary>Storage calls of the measured sessions (--count-storage).</summary>
    public StorageCalls Storage { get; init; } = StorageCalls.None;

    /// <summary>Seconds into the measured sessions at which an instance was killed (--kill-one-at), if one was.</summary>
    public double? KilledAt { get; init; }

    /// <summary>Partitions that changed owner during the measured sessions (scaled out only).</summary>
    public int PartitionMoves { get; init; }

    /// <summary>The DevHost's place search, when the driver chose it (--places).</summary>
    public PlacesTarget? Places { get; init; }

    /// <summary>The geocoding stub's own time per search over the level's measured sessions, with --places azuremaps.</summary>
    public Percentiles? Searches { get; init; }

    /// <summary>The label of the level's target, with its place search when --places chose one.</summary>
    public string Label => Places is { } places ? $"{Target.Label()}, {places.Label()}" : Target.Label();

    public double TurnsPerSecond => Latency.All().Count / Elapsed.TotalSeconds;
}
