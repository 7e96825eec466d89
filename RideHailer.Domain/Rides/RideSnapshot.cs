namespace RideHailer.Domain.Rides;

/// <summary>A ride as it stands at one instant: its status, its driver and car, and how soon the driver is at the pickup.</summary>
/// <param name="Status">Where the ride is.</param>
/// <param name="Driver">The driver and car (the dispatch's, unless the provider reported another).</param>
/// <param name="PickupEta">How soon the driver is at the pickup, never negative.</param>
public sealed record RideSnapshot(RideStatus Status, Dispatch Driver, TimeSpan PickupEta)
{
    /// <summary>How long before the ETA a driver with no report counts as arriving, as the built-in fleet reports it.</summary>
    public static TimeSpan ArrivingWindow { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <paramref name="booking"/> at <paramref name="now"/>: its last report, its ETA counted down since; with no report yet,
    /// the dispatch and its ETA: accepted, arriving in the last minute, in the car from the ETA, completed after the
    /// quoted trip time (a ride with no trip time stays in the car until a report says otherwise).
    /// </summary>
    public static RideSnapshot Of(Booking booking, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        if (booking.Progress is { } progress)
        {
            var eta = progress.PickupEta is { } reported ? reported - (now - progress.At) : TimeSpan.Zero;
            return new(progress.Status, progress.Driver ?? booking.Dispatch, eta < TimeSpan.Zero ? TimeSpan.Zero : eta);
        }

        var untilPickup = booking.ArrivesAt - now;
        var status = untilPickup > ArrivingWindow ? RideStatus.Accepted
            : untilPickup > TimeSpan.Zero ? RideStatus.Arriving
            : booking.Quote.TripTime is { } trip && now >= booking.ArrivesAt + trip ? RideStatus.Completed
            : RideStatus.InProgress;
        return new(status, booking.Dispatch, untilPickup < TimeSpan.Zero ? TimeSpan.Zero : untilPickup);
    }
}
