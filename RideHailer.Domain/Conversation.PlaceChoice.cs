using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>
    /// "I found two: 400 Broad Street in Seattle, and 400 Broad Street in Everett. Which one?" Anything pending for an
    /// earlier destination is let go; the ride request's facts are kept, because the answer's turn carries none.
    /// </summary>
    private static Decision AskPlaceChoice(SessionState state, IReadOnlyList<Place> choices, TurnContext context)
    {
        var asking = state with
        {
            Step = SessionStep.AwaitingPlaceChoice,
            PlaceChoices = choices,
            PendingRider = context.Rider,
            PendingConnection = null,
            Quote = null,
            QuoteOfferedAt = null,
        };
        return Ask(asking, [new ChoosePlace(choices)], [new WhichPlace(choices)]);
    }

    /// <summary>
    /// "The second one", "the one in Everett": one of the offered places, without a new search. An answer that picks
    /// none of them (a position past the last, a town not offered) hears the question again.
    /// </summary>
    private Decision OnPlaceChosen(SessionState state, PlaceChosen chosen, TurnContext context)
    {
        if (state is not { Step: SessionStep.AwaitingPlaceChoice, PlaceChoices: { Count: > 0 } offered })
        {
            return Unchanged(state, Phrase.NotUnderstood);
        }

        var place = chosen.Position is { } position && position >= 1 && position <= offered.Count
            ? offered[position - 1]
            : PlaceChoices.Named(offered, chosen.Said) is [var named] ? named : null;
        return place is null
            ? Unchanged(state, Phrase.NotUnderstood)
            : Choose(state, place, context with { Rider = state.PendingRider ?? context.Rider });
    }

    /// <summary>The choice is made: the destination question is answered, and the ride goes on with that place.</summary>
    private Decision Choose(SessionState state, Place place, TurnContext context)
    {
        var answered = state with { Step = SessionStep.AwaitingDestination, PlaceChoices = null, PendingRider = null };
        return GoTo(answered, place, context);
    }
}
