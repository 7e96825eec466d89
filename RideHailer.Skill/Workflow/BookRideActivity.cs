using RideHailer.Domain;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Dispatches a driver and stores the booking under the command's idempotency key. Activities run at
/// least once; a second run finds the stored booking and returns it, and only a new booking is counted.
/// </summary>
public sealed class BookRideActivity(RideBooker booker, RideHailerMetrics metrics)
{
    public const string Name = "BookRide";

    public async Task<Booking> RunAsync(BookRideInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var command = input.Command;
        var booked = await booker.BookAsync(command.IdempotencyKey, command.Quote, command.Passenger, input.Now, cancellationToken);
        if (booked.IsNew)
        {
            metrics.BookingMade();
        }

        return booked.Booking;
    }
}

public sealed record BookRideInput(BookRide Command, DateTimeOffset Now);
