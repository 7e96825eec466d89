using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;

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
            return Unchanged(state, Phrase.NotExpected);
        }

        var offered = state with
        {
            Step = SessionStep.AwaitingQuoteAnswer,
            Quote = quote,
            QuoteOfferedAt = context.Now,
            QuotePreface = QuotePreface.None,
        };
        return Ask(offered, OfferOf(quote, state.QuotePreface), [new BookIt(quote.Destination)]);
    }

    /// <summary>The offer, opened as <paramref name="preface"/> says.</summary>
    private static List<Message> OfferOf(Quote quote, QuotePreface preface)
    {
        var offer = new Offer(quote.Destination, quote.Pickup.Source, quote.Price, WholeMinutes.Of(quote.PickupEta)) { RideType = quote.RideType };
        return preface switch
        {
            QuotePreface.ThankForConsent => [Say(Phrase.ThanksForConsent), offer],
            QuotePreface.PriceRefreshed => [Say(Phrase.PriceRefreshed), offer],
            _ => [offer],
        };
    }

    private static Decision OnQuoteFailed(SessionState state) => state.Step == SessionStep.Quoting
        ? End(state, [new NoRide(state.Destination)])
        : Unchanged(state, Phrase.NotExpected);

    /// <summary>"Yes" to the quote: re-price a stale quote, otherwise confirm the PIN.</summary>
    private Decision OnQuoteAccepted(SessionState state, TurnContext context)
    {
        if (state.Quote is not { } quote)
        {
            return Ask(state with { Step = SessionStep.AwaitingDestination }, [Say(Phrase.LostTrack), Say(Phrase.WhereTo)], [Say(Phrase.WhereTo)]);
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
            return new(requoting, null, [new QuoteRide(quote.Pickup, quote.Destination) { RideType = quote.RideType }]);
        }

        return StartPin(state, context);
    }
}
