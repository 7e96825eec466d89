using RideHailer.Domain.Replies;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>
    /// The provider did not answer the quote or the booking in time: an apology and the end, with nothing booked (the
    /// booking's key is let go, so no later turn of this session dispatches it).
    /// </summary>
    private static Decision OnRideServiceUnreachable(SessionState state) => state.Step is SessionStep.Quoting or SessionStep.Booking
        ? End(state, Phrase.RideServiceUnreachable)
        : Unchanged(state, state.IsFinished ? null : Phrase.NotExpected);

    /// <summary>
    /// The provider refused the booking's quote as expired: nothing was dispatched. The ride is priced once more, and
    /// the new price is offered (opened with <see cref="Phrase.PriceRefreshed"/>) before anything is booked; the rider's
    /// yes then goes through the PIN again, as for any offer.
    /// </summary>
    private static Decision OnBookingQuoteExpired(SessionState state, BookingQuoteExpired expired)
    {
        if (state.Step != SessionStep.Booking || state.BookingKey != expired.IdempotencyKey || state.Quote is not { } quote)
        {
            return Unchanged(state, state.IsFinished ? null : Phrase.NotExpected);
        }

        var requoting = state with
        {
            Step = SessionStep.Quoting,
            Destination = quote.Destination,
            Quote = null,
            BookingKey = null,
            QuotePreface = QuotePreface.PriceRefreshed,
        };
        return new(requoting, null, [new QuoteRide(quote.Pickup, quote.Destination) { RideType = quote.RideType }]);
    }
}
