using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>Step 6: command the booking, once per session, whatever is retried or replayed.</summary>
    private static Decision Book(SessionState state, string pinToken)
    {
        if (state.BookingKey is not null)
        {
            return Unchanged(state with { Step = SessionStep.Booking }, null);
        }

        if (state.Quote is not { } quote || state.Passenger is not { } passenger)
        {
            return End(state, Phrase.BookingFailed);
        }

        var key = BookRide.IdempotencyKeyFor(state.SessionKey, quote.Id);
        var booking = state with { Step = SessionStep.Booking, BookingKey = key, UsedPinToken = pinToken };
        return new(booking, null, [new BookRide(key, quote, passenger)]);
    }

    private static Decision OnBookingDone(SessionState state, BookingDone done)
    {
        if (state.BookingKey is null || done.Booking is not { } booking || booking.IdempotencyKey != state.BookingKey)
        {
            return Unchanged(state, state.IsFinished ? null : Phrase.NotExpected);
        }

        if (state.Booking is not null)
        {
            return Unchanged(state, null);
        }

        var booked = state with { Step = SessionStep.Booked, Booking = booking, PendingConnection = null };
        return new(booked, Reply.Tell([new Booked(WholeMinutes.Of(booking.Dispatch.DriverEta))], RideBookedCard.Of(booking)), []);
    }

    private static Decision OnBookingFailed(SessionState state) => state.Step == SessionStep.Booking
        ? End(state, Phrase.BookingFailed)
        : Unchanged(state, state.IsFinished ? null : Phrase.NotExpected);
}
