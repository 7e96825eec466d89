using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>
    /// Between the account and consent, once a session: look up the rider's ride still on its way, so a second one
    /// is never quoted without asking. The ride request's facts are kept meanwhile: the answer's turn carries none.
    /// </summary>
    private static Decision CheckActiveRide(SessionState state, TurnContext context)
    {
        var checking = state with { Step = SessionStep.CheckingActiveRide, PendingRider = context.Rider };
        return new(checking, null, [new FindActiveRide(context.Rider.RiderId!)]);
    }

    private Decision OnActiveRideFound(SessionState state, ActiveRideFound found, TurnContext context) =>
        state.Step == SessionStep.CheckingActiveRide
            ? AskAboutActiveRide(state, found.Booking, context)
            : Unchanged(state, Phrase.NotExpected);

    /// <summary>No ride on its way, or the lookup failed: a failed lookup must not block the rider, so both go on.</summary>
    private Decision OnNoActiveRide(SessionState state, TurnContext context) =>
        state.Step == SessionStep.CheckingActiveRide
            ? GoOnToConsentOrQuote(state, context)
            : Unchanged(state, Phrase.NotExpected);

    /// <summary>
    /// "You already have a ride to the Space Needle arriving in four minutes. Do you want another one?" — unless
    /// its driver is due by now: a ride that has arrived is no reason to ask.
    /// </summary>
    private Decision AskAboutActiveRide(SessionState state, Booking? active, TurnContext context)
    {
        if (active is null || active.HasArrivedBy(context.Now) || state.Destination is not { } destination)
        {
            return GoOnToConsentOrQuote(state, context);
        }

        var asking = state with { Step = SessionStep.AwaitingSecondRideAnswer, ActiveRide = active };
        return Ask(
            asking,
            [new ActiveRide(active.Quote.Destination, WholeMinutes.Of(active.ArrivesAt - context.Now))],
            [new AnotherRide(destination)]);
    }

    /// <summary>
    /// The check is settled for the session: consent or the quote, exactly as without it, with the ride request's
    /// facts (this turn may be the rider's "yes", which carries none), which the state then lets go of.
    /// </summary>
    private Decision GoOnToConsentOrQuote(SessionState state, TurnContext context)
    {
        var rider = state.PendingRider ?? context.Rider;
        var settled = state with { ActiveRideChecked = true, ActiveRide = null, PendingRider = null };
        return settled.Destination is null
            ? LostTrack(settled)
            : ConsentOrQuote(settled, context with { Rider = rider }, QuotePreface.None);
    }
}
