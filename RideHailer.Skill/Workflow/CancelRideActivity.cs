using RideHailer.Domain;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Cancels a ride at the provider under the cancellation's idempotency key, accepting the fee the rider heard, and
/// records the end on the booking (sequence <see cref="long.MaxValue"/>: no later provider report outranks it). Activities
/// run at least once: a ride the booking already records as cancelled by the rider is not cancelled again.
/// </summary>
public sealed class CancelRideActivity(IBookingStore store, IRideProvider provider)
{
    public const string Name = "CancelRide";

    public async Task<RideCancellation> RunAsync(CancelRideInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var command = input.Command;
        var booking = await store.FindAsync(command.BookingKey, cancellationToken);
        if (booking?.Progress is { Status: RideStatus.RiderCanceled })
        {
            return new RideCancellation(RideStatus.RiderCanceled, null);
        }

        var cancellation = await provider.CancelAsync(command.RideId, command.IdempotencyKey, command.ConfirmedFee, input.Now, cancellationToken);
        await store.RecordProgressAsync(
            command.BookingKey, new RideProgress(cancellation.Status, null, null, long.MaxValue, input.Now), cancellationToken);
        return cancellation;
    }
}

public sealed record CancelRideInput(CancelRide Command, DateTimeOffset Now);
