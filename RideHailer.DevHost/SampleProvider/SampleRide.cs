using RideHailer.Domain.Rides;

namespace RideHailer.DevHost.SampleProvider;

/// <summary>
/// One ride the sample provider dispatched, and how it moves with time as the built-in fleet's do: accepted at once,
/// arriving a minute before the pickup ETA, in progress at the ETA, completed after the quoted trip time.
/// </summary>
internal sealed record SampleRide(string RideId, Quote Quote, Dispatch Dispatch, DateTimeOffset BookedAt)
{
    /// <summary>Within this of the pickup, cancelling costs <see cref="CancelFeeAmount"/>.</summary>
    public static readonly TimeSpan FeeWindow = TimeSpan.FromMinutes(2);

    public const decimal CancelFeeAmount = 5.00m;

    private static readonly TimeSpan ArrivingLead = TimeSpan.FromMinutes(1);

    /// <summary>When the rider cancelled, with the fee charged; null while the ride stands.</summary>
    public (DateTimeOffset At, Money? Fee)? Cancelled { get; init; }

    public DateTimeOffset PickupAt => BookedAt + Dispatch.DriverEta;

    public DateTimeOffset DropOffAt => PickupAt + (Quote.TripTime ?? TimeSpan.Zero);

    /// <summary>Where the ride is at <paramref name="now"/>, with the contract's sequence number of that state.</summary>
    public (RideStatus Status, long Sequence) StatusAt(DateTimeOffset now)
    {
        var standing = StandingAt(Cancelled is { } cancelled && cancelled.At < now ? cancelled.At : now);
        return Cancelled is { } ended && ended.At <= now ? (RideStatus.RiderCanceled, standing.Sequence + 1) : standing;
    }

    /// <summary>How long until the driver is at the pickup, while that means anything.</summary>
    public TimeSpan? PickupEtaAt(DateTimeOffset now) => StatusAt(now).Status is RideStatus.Accepted or RideStatus.Arriving
        ? PickupAt - now
        : null;

    /// <summary>What cancelling costs at <paramref name="now"/>: the fee once the driver is close, nothing before or after.</summary>
    public Money? CancelFeeAt(DateTimeOffset now) =>
        StatusAt(now).Status is RideStatus.Accepted or RideStatus.Arriving && PickupAt - now <= FeeWindow
            ? new Money(CancelFeeAmount, Quote.Price.Currency)
            : null;

    private (RideStatus Status, long Sequence) StandingAt(DateTimeOffset now) =>
        now >= DropOffAt && now >= PickupAt ? (RideStatus.Completed, 4)
        : now >= PickupAt ? (RideStatus.InProgress, 3)
        : now >= PickupAt - ArrivingLead ? (RideStatus.Arriving, 2)
        : (RideStatus.Accepted, 1);
}
