using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RideHailer.Domain;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Dispatches a driver and stores the booking under the command's idempotency key. Activities run at
/// least once; a second run finds the stored booking and returns it, and only a new booking is counted.
/// </summary>
public sealed partial class BookRideActivity(RideBooker booker, RideHailerMetrics metrics, RideStart rideStart, ILogger<BookRideActivity> logger)
{
    public const string Name = "BookRide";

    /// <summary>
    /// The activity as the hosts run it: books, then starts the ride's orchestration. Every run (a retry, a replay)
    /// makes sure it started, since a run that stored the booking may have stopped before it started the ride.
    /// </summary>
    public async Task<Booking> RunAsync(BookRideInput input, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var booking = await RunAsync(input, cancellationToken);
        try
        {
            await rideStart.EnsureStartedAsync(booking, durable, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The ride is booked and its driver on the way: the rider must not hear that the booking failed because
            // its progress cannot be followed. Its status stays the dispatch's in the bookings table.
            Log.RideNotStarted(logger, booking.IdempotencyKey, exception);
        }

        return booking;
    }

    /// <summary>Books the ride only (the booking step on its own, for benchmarks and tests of the booking).</summary>
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 155, Level = LogLevel.Warning, Message = "Booking {BookingKey} is stored but its ride orchestration could not be started; its progress is not followed")]
        public static partial void RideNotStarted(ILogger logger, string bookingKey, Exception exception);
    }
}

public sealed record BookRideInput(BookRide Command, DateTimeOffset Now);
