namespace RideHailer.Bench.Load;

/// <summary>
/// What the riders of one level saw. <see cref="Sessions"/>, <see cref="Booked"/> and the latency count measured
/// sessions only; <see cref="Confirmed"/> counts every session that heard its booking, warm-up included, because
/// every one of them left a booking in the store.
/// </summary>
internal sealed record LevelRun(
    int Sessions, int Booked, int Confirmed, int Errors, IReadOnlyList<string> FirstErrors, TimeSpan Elapsed, LatencySamples Latency)
{
    /// <summary>The storage calls the measured sessions made (none counted unless --count-storage).</summary>
    public StorageCalls Storage { get; init; } = StorageCalls.None;

    /// <summary>Partitions that changed owner while the measured sessions ran (scaled out only).</summary>
    public int PartitionMoves { get; init; }

    public static LevelRun Empty { get; } = new(0, 0, 0, 0, [], TimeSpan.Zero, new LatencySamples());
}
