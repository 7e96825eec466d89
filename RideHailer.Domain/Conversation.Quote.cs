using RideHailer.Domain.Flow;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>Step 4: offer the quote the provider priced for this destination.</summary>
    private static Decision OnQuoteReady(SessionState state, QuoteReady ready, TurnContext context)
    {
        if (state.Step != SessionStep.Quoting
            || ready.Quote is not { } quote
            || state.Destination is null
            || quote.Destination?.Id != state.Destination.Id)
        {
            return Unchanged(state, Phrases.NotExpected);
        }

        var offered = state with
        {
            Step = SessionStep.AwaitingQuoteAnswer,
            Quote = quote,
            QuoteOfferedAt = context.Now,
            QuotePreface = QuotePreface.None,
        };
        return Ask(offered, Phrases.Offer(quote, state.QuotePreface), Phrases.BookIt(quote.Destination));
    }

    private static Decision OnQuoteFailed(SessionState state) => state.Step == SessionStep.Quoting
        ? End(state, Phrases.NoRide(state.Destination))
        : Unchanged(state, Phrases.NotExpected);

    /// <summary>"Yes" to the quote: re-price a stale quote, otherwise confirm the PIN.</summary>
    private Decision OnQuoteAccepted(SessionState state, TurnContext context)
    {
        if (state.Quote is not { } quote)
        {
            return Ask(state with { Step = SessionStep.AwaitingDestination }, Phrases.LostTrack, Phrases.WhereTo);
        }

        if (!IsStillOffered(state, quote, context.Now))
        {
            var requoting = state with
            {
                Step = SessionStep.Quoting,
                Destination = quote.Destination,
                Quote = null,
                QuotePreface = QuotePreface.PriceRefreshed,
            };
            return new(requoting, null, [new QuoteRide(quote.Pickup, quote.Destination)]);
        }

        return StartPin(state, context);
    }
}
