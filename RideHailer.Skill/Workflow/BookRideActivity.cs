using RideHailer.Domain;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Dispatches a driver and stores the booking under the command's idempotency key. Activities run at
/// least once; a second run finds the stored booking and returns it.
/// </summary>
public sealed class BookRideActivity(RideBooker booker, IBookingStore store, RideHailerMetrics metrics)
{
    public const string Name = "BookRide";

    public async Task<Booking> RunAsync(BookRideInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The booker answers a replay with the stored booking, indistinguishable from a new one; looking first
        // is what lets a retried or replayed activity return it without counting the ride a second time.
        if (await store.FindAsync(input.Command.IdempotencyKey, cancellationToken) is { } booked)
        {
            return booked;
        }

        var booking = await booker.BookAsync(input.Command, input.Now, cancellationToken);
        metrics.BookingMade();
        return booking;
    }
}

public sealed record BookRideInput(BookRide Command, DateTimeOffset Now);
