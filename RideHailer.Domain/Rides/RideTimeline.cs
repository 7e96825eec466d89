namespace RideHailer.Domain.Rides;

/// <summary>
/// How a ride moves from report to report: a report is the ride's next state only when it is newer than what was
/// recorded (a higher sequence number) and the ride has not ended. Providers may repeat reports and deliver them out
/// of order; neither may change a ride twice or bring an ended ride back.
/// </summary>
public static class RideTimeline
{
    /// <summary>The sequence number of the rider's own cancellation: no provider report outranks it.</summary>
    public const long RiderCancellationSequence = long.MaxValue;

    /// <summary>The ride's state after <paramref name="report"/>, or null when the report changes nothing.</summary>
    public static RideProgress? Next(RideProgress? current, RideProgress report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (current is null)
        {
            return report;
        }

        return current.Status.IsFinal() || report.Sequence <= current.Sequence ? null : report;
    }

    /// <summary>The ride's end when the rider cancelled it through the skill, or null when it had ended already.</summary>
    public static RideProgress? Canceled(RideProgress? current, RideCancellation cancellation, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        var status = cancellation.Status.IsFinal() ? cancellation.Status : RideStatus.RiderCanceled;
        return Next(current, new RideProgress(status, current?.Driver, PickupEta: null, RiderCancellationSequence, at));
    }

    /// <summary>Whether the ride has ended: nothing changes it any more.</summary>
    public static bool HasEnded(RideProgress? current) => current?.Status.IsFinal() == true;
}
