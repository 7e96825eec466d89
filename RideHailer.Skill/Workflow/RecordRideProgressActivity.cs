using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Records a ride's new state in the bookings table, so "where is my ride" is answered without the orchestration and
/// after its purge. Runs at least once: the store keeps a report only when it is newer, so a rerun changes nothing.
/// </summary>
public sealed class RecordRideProgressActivity(IBookingStore store)
{
    public const string Name = "RecordRideProgress";

    public Task<bool> RunAsync(RecordRideProgressInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return store.RecordProgressAsync(input.BookingKey, input.Progress, cancellationToken);
    }
}

public sealed record RecordRideProgressInput(string BookingKey, RideProgress Progress);
