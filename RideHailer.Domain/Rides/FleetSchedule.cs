namespace RideHailer.Domain.Rides;

/// <summary>
/// How a ride of the built-in fleet moves, as pure data from its booking: the driver accepts at once, is arriving a
/// minute before the pickup ETA, picks the rider up at the ETA, and completes the quoted trip time later. The fleet
/// has no drivers to report, so the ride's orchestration plays these reports on durable timers.
/// </summary>
public static class FleetSchedule
{
    /// <summary>How long before the pickup the driver counts as arriving.</summary>
    public static readonly TimeSpan ArrivingLead = TimeSpan.FromMinutes(1);

    /// <summary>The ride's reports in order, sequence numbers 1 to 4; the last is the ride's end.</summary>
    public static IReadOnlyList<ScheduledReport> For(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return For(booking.BookedAt, booking.Dispatch, booking.Quote.TripTime);
    }

    /// <summary>The reports of a ride dispatched at <paramref name="bookedAt"/> with <paramref name="driver"/>.</summary>
    public static IReadOnlyList<ScheduledReport> For(DateTimeOffset bookedAt, Dispatch driver, TimeSpan? tripTime)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var pickup = bookedAt + driver.DriverEta;
        var arriving = Later(bookedAt, pickup - ArrivingLead);
        // A quote without a trip time (a provider that did not say) ends the ride at the pickup rather than never.
        var dropOff = pickup + (tripTime ?? TimeSpan.Zero);
        return
        [
            Report(bookedAt, RideStatus.Accepted, driver, driver.DriverEta, 1),
            Report(arriving, RideStatus.Arriving, driver, pickup - arriving, 2),
            Report(pickup, RideStatus.InProgress, driver, null, 3),
            Report(dropOff, RideStatus.Completed, driver, null, 4),
        ];
    }

    /// <summary>The state the schedule has the ride in at <paramref name="now"/>: the last report due by then.</summary>
    public static RideProgress At(IReadOnlyList<ScheduledReport> schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.LastOrDefault(report => report.Due <= now)?.Progress ?? schedule[0].Progress;
    }

    private static ScheduledReport Report(DateTimeOffset due, RideStatus status, Dispatch driver, TimeSpan? eta, long sequence) =>
        new(due, new RideProgress(status, driver with { DriverEta = eta ?? TimeSpan.Zero }, eta, sequence, due));

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
