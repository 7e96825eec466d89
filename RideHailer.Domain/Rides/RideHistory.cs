namespace RideHailer.Domain.Rides;

/// <summary>
/// The states a ride has been in, oldest first: each with when it began, and the latest pickup ETA and sequence number
/// reported in it. The ride's orchestration keeps it as its custom status (the web console's ride timeline reads it),
/// so it holds no personal data (no rider, no driver) and stays small: a report in the state the ride is already in
/// updates that state's ETA instead of adding one, and past <see cref="MaxStates"/> the oldest but the first are dropped.
/// </summary>
/// <param name="States">The states, oldest first.</param>
public sealed record RideHistory(IReadOnlyList<RideHistoryEntry> States)
{
    /// <summary>The most states kept: a ride's own path has at most six; the rest is a provider going back and forth.</summary>
    public const int MaxStates = 24;

    /// <summary>A ride nothing was reported for yet.</summary>
    public static RideHistory Empty { get; } = new([]);

    /// <summary>The history of a ride whose state so far is <paramref name="current"/> (none: <see cref="Empty"/>).</summary>
    public static RideHistory Of(RideProgress? current) => current is null ? Empty : Empty.With(current);

    /// <summary>
    /// The history after <paramref name="progress"/>, a report that changed the ride (<see cref="RideTimeline.Next"/> decided
    /// so): a new state is added; the state the ride is in already keeps when it began and takes the report's ETA.
    /// </summary>
    public RideHistory With(RideProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var eta = progress.PickupEta is { } pickup ? (int)Math.Max(0, Math.Ceiling(pickup.TotalSeconds)) : (int?)null;
        if (States.Count > 0 && States[^1] is { } last && last.Status == progress.Status)
        {
            return new([.. States.Take(States.Count - 1), last with { AsOf = progress.At, PickupEtaSeconds = eta, Sequence = progress.Sequence }]);
        }

        var entry = new RideHistoryEntry(progress.Status, progress.At, progress.At, eta, progress.Sequence);
        return States.Count < MaxStates
            ? new([.. States, entry])
            : new([States[0], .. States.Skip(States.Count - MaxStates + 2), entry]);
    }
}

/// <summary>One state of a <see cref="RideHistory"/>.</summary>
/// <param name="Status">The state.</param>
/// <param name="Since">When the report that began it was made.</param>
/// <param name="AsOf">When the latest report in it was made (<paramref name="Since"/> unless another followed).</param>
/// <param name="PickupEtaSeconds">How soon the driver was at the pickup as of <paramref name="AsOf"/>, while that means anything.</param>
/// <param name="Sequence">The latest report's sequence number.</param>
public sealed record RideHistoryEntry(RideStatus Status, DateTimeOffset Since, DateTimeOffset AsOf, int? PickupEtaSeconds, long Sequence);
