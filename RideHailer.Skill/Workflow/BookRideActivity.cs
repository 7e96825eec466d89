using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RideHailer.Domain;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Storage;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Dispatches a driver and stores the booking under the command's idempotency key. Activities run at
/// least once; a second run finds the stored booking and returns it, and only a new booking is counted.
/// </summary>
/// <remarks>
/// A booking activity can outlive its session: the erasure of a user who disabled the skill terminates the session, but an
/// activity already scheduled still runs. So it checks the user's tombstone (<see cref="IUserLinks.MarkForgottenAsync"/>)
/// before the provider is called, and again after the booking is stored, before and after its ride starts: the erasure writes the
/// tombstone before it reads the user's bookings, so either it found this booking or the second check finds the tombstone
/// and the booking is forgotten here as the erasure would have: its ride ended and purged, its rider's rows deleted. Both
/// checks are point reads, on the one turn that books.
/// </remarks>
public sealed partial class BookRideActivity(
    RideBooker booker, RideHailerMetrics metrics, RideStart rideStart, IUserLinks users, InstanceErasure instances, ILogger<BookRideActivity> logger)
{
    public const string Name = "BookRide";

    /// <summary>
    /// The activity as the hosts run it: books, then starts the ride's orchestration. Every run (a retry, a replay)
    /// makes sure it started, since a run that stored the booking may have stopped before it started the ride.
    /// </summary>
    public async Task<Booking> RunAsync(BookRideInput input, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.UserKey is { } userKey && await users.IsForgottenAsync(userKey, cancellationToken))
        {
            Log.ForgottenUser(logger, input.Command.IdempotencyKey, userKey);
            throw new UserForgottenException();
        }

        var booking = await RunAsync(input, cancellationToken);
        // Checked before the ride starts too: a tombstone already there means no ride to end (one still starting could
        // outlast the erasure's stop wait), and after, for the erasure that read the instances before this one started.
        if (await ForgetIfForgottenAsync(input, booking, durable, rideStarted: false, cancellationToken))
        {
            throw new UserForgottenException();
        }

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

        if (await ForgetIfForgottenAsync(input, booking, durable, rideStarted: true, cancellationToken))
        {
            throw new UserForgottenException();
        }

        return booking;
    }

    /// <summary>When the booking's user was forgotten meanwhile: forgets it as the erasure would (its ride too, once started); true then.</summary>
    private async Task<bool> ForgetIfForgottenAsync(
        BookRideInput input, Booking booking, DurableTaskClient durable, bool rideStarted, CancellationToken cancellationToken)
    {
        if (input.UserKey is not { } key || !await users.IsForgottenAsync(key, cancellationToken))
        {
            return false;
        }

        if (rideStarted)
        {
            await instances.EndAndPurgeAsync(durable, [RideInstanceId.For(booking.IdempotencyKey)], cancellationToken);
        }

        var deleted = await users.ForgetAsync(new LinkedRecords(key, [booking.Passenger.RiderId], []), cancellationToken);
        Log.LateBookingForgotten(logger, booking.IdempotencyKey, key, deleted);
        return true;
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
        [LoggerMessage(EventId = 156, Level = LogLevel.Warning, Message = "Booking {BookingKey} refused: user {UserKey} disabled the skill")]
        public static partial void ForgottenUser(ILogger logger, string bookingKey, string userKey);

        [LoggerMessage(EventId = 157, Level = LogLevel.Warning,
            Message = "Booking {BookingKey} landed while user {UserKey} was being forgotten; it, its ride and {Bookings} bookings of its rider were deleted")]
        public static partial void LateBookingForgotten(ILogger logger, string bookingKey, string userKey, int bookings);

        [LoggerMessage(EventId = 155, Level = LogLevel.Warning, Message = "Booking {BookingKey} is stored but its ride orchestration could not be started; its progress is not followed")]
        public static partial void RideNotStarted(ILogger logger, string bookingKey, Exception exception);
    }
}

public sealed record BookRideInput(BookRide Command, DateTimeOffset Now)
{
    /// <summary>The session's Alexa user (opaque, <see cref="AlexaUserKey"/>); null in sessions started before it was carried.</summary>
    public string? UserKey { get; init; }
}

/// <summary>A booking refused, or undone, because its Alexa user disabled the skill while it was being made.</summary>
public sealed class UserForgottenException : Exception
{
    public UserForgottenException()
        : base("The rider's Alexa user disabled the skill; nothing is booked for them.")
    {
    }

    public UserForgottenException(string message)
        : base(message)
    {
    }

    public UserForgottenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
