using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>
    /// Step 1: a ride was asked for. What the rider named is looked up near the pickup (the <see cref="FindPlace"/>
    /// command); the step the session was at stays as it is until the answer comes back as a turn.
    /// </summary>
    private Decision OnRideRequested(SessionState state, RideRequested request, TurnContext context)
    {
        state = request.RideType is { } rideType ? state with { RideType = rideType } : state;
        if (request.DestinationText is null && request.PlaceId is null)
        {
            // "I want an XL": the kind of car is kept, and where to is asked without counting a miss.
            return request.RideType is not null && state.Step is SessionStep.New or SessionStep.AwaitingDestination
                ? Ask(state with { Step = SessionStep.AwaitingDestination }, [Say(Phrase.WhereTo)], [Say(Phrase.WhereTo)])
                : MissDestination(state, said: null, GivenUp(DestinationMiss.NoPlace, state, context));
        }

        if (state is { Step: SessionStep.AwaitingPlaceChoice, PlaceChoices: { Count: > 0 } offered }
            && PlaceChoices.Named(offered, request.DestinationText) is { Count: > 0 } named)
        {
            // "400 Broad Street in Everett" answers the choice without a new search; words that name several of
            // the offered places ("400 Broad Street" again) hear the question again.
            return named is [var place] ? Choose(state, place, context) : Unchanged(state, null);
        }

        var search = PlaceSearch(request, context.Rider);
        return new(state with { PlaceSearch = search }, null, [search]);
    }

    /// <summary>
    /// The search's whole answer: nothing (asked again, naming what was said), one clear place (gone to), or places
    /// far apart that fit as well as each other (the rider is asked which one). A search for home takes the best.
    /// </summary>
    private Decision OnPlacesFound(SessionState state, IReadOnlyList<Place> found, TurnContext context)
    {
        if (state.PlaceSearch is not { } search)
        {
            return Unchanged(state, Phrase.NotExpected);
        }

        // Whatever was offered before is settled by this answer: a new destination starts over.
        var searched = state with { PlaceSearch = null, PlaceChoices = null };
        if (search.Home)
        {
            return OnHomeFound(searched, found, context);
        }

        return PlaceChoices.Among(found) switch
        {
            [] => MissDestination(searched, [new UnknownPlace(search.Query.Said)], GivenUp(DestinationMiss.NotFound, searched, context)),
            [var place] => GoTo(searched, place, context),
            var choices => AskPlaceChoice(searched, choices, context),
        };
    }

    /// <summary>
    /// The destination is known: require a linked account, look up a ride still on its way (once a session), then
    /// consent or quote; the same place said again while the session waits on it hears what is pending again.
    /// </summary>
    private Decision GoTo(SessionState state, Place destination, TurnContext context)
    {
        if (destination.Id == state.Destination?.Id && Reoffer(state, context) is { } again)
        {
            return again;
        }

        var chosen = state with
        {
            Destination = destination,
            PendingConnection = null,
            Quote = null,
            QuoteOfferedAt = null,
        };
        if (string.IsNullOrWhiteSpace(context.Rider.RiderId))
        {
            return End(chosen, [Say(Phrase.LinkAccount)], new AccountLinkingCard());
        }

        if (ConsentPlan.For(_settings, context.Rider).Unreachable)
        {
            // An outage is not a refusal: the rider may have granted already, so consent is not asked for. The
            // session stays where it was and the rider can say the place again once the profile answers.
            return Unchanged(state, Phrase.ProfileUnreachable);
        }

        if (state.Step == SessionStep.AwaitingSecondRideAnswer)
        {
            // Another place while asked about the ride on its way: only "yes" books a second ride, so the question
            // stands, now for this place and with this request's facts.
            return AskAboutActiveRide(chosen with { PendingRider = context.Rider }, state.ActiveRide, context);
        }

        return state.ActiveRideChecked ? ConsentOrQuote(chosen, context, QuotePreface.None) : CheckActiveRide(chosen, context);
    }

    /// <summary>
    /// Nothing found for what the rider said ("I couldn't find …"), or the search itself failed (the search is
    /// unreachable, the rider said nothing wrong): the destination question stays open either way.
    /// </summary>
    private Decision OnPlaceMissed(SessionState state, Turn turn, TurnContext context)
    {
        if (state.PlaceSearch is not { } search)
        {
            return Unchanged(state, Phrase.NotExpected);
        }

        var searched = state with { PlaceSearch = null, PlaceChoices = null };
        return turn is PlaceSearchFailed
            ? MissDestination(searched, [Say(Phrase.PlacesUnreachable), Say(Phrase.WhereTo)], Say(Phrase.TooManyMissesSearchFailed))
            : search.Home
                ? MissDestination(searched, [Say(Phrase.HomeNotFound), Say(Phrase.WhereTo)], GivenUp(DestinationMiss.NotFound, searched, context))
                : MissDestination(searched, [new UnknownPlace(search.Query.Said)], GivenUp(DestinationMiss.NotFound, searched, context));
    }

    /// <summary>
    /// A destination not understood: asked again, until the last allowed miss ends the session with
    /// <paramref name="givingUp"/>, the help that fits this miss (a place not found is not a sentence not understood).
    /// </summary>
    private Decision MissDestination(SessionState state, string? said, Message givingUp) =>
        MissDestination(state, [new UnknownPlace(said)], givingUp);

    /// <summary>A destination missed, said as <paramref name="speech"/> (which ends with the destination question).</summary>
    private Decision MissDestination(SessionState state, IReadOnlyList<Message> speech, Message givingUp)
    {
        var missed = state with { Step = SessionStep.AwaitingDestination, DestinationMisses = state.DestinationMisses + 1 };
        return missed.DestinationMisses >= _settings.MaxDestinationMisses
            ? End(missed, [givingUp])
            : Ask(missed, speech, [Say(Phrase.WhereTo)]);
    }

    /// <summary>How the session gives up after this kind of miss, with a place of the rider's market as the example.</summary>
    private DestinationGivenUp GivenUp(DestinationMiss miss, SessionState state, TurnContext context) =>
        new(miss, ExamplesFor(state, context));

    /// <summary>
    /// The places help names as examples: those of the city the rider's pickup is in, when the pickup is known (this
    /// turn's, or the one kept for the session), else those of the main city of the session's locale.
    /// </summary>
    private PlaceExamples? ExamplesFor(SessionState state, TurnContext context) => PlaceMarket.Of(
        _settings.Markets ?? [],
        context.Rider.Pickup ?? state.PendingRider?.Pickup ?? state.Quote?.Pickup,
        state.Locale,
        SessionState.DefaultLocale)?.Examples;

    private Decision ConsentOrQuote(SessionState state, TurnContext context, QuotePreface preface)
    {
        var plan = ConsentPlan.For(_settings, context.Rider);
        return plan.Missing.Count == 0
            ? StartQuote(state, context.Rider, preface)
            : StartConsent(state, context, plan.Missing);
    }

    private static Decision StartConsent(SessionState state, TurnContext context, IReadOnlyList<ConsentItem> missing)
    {
        var token = LiveToken(state, ConnectionKind.Consent, context);
        var scopes = missing.Select(item => item.Request).ToList();
        var asking = state with { Step = SessionStep.AwaitingConsent, PendingConnection = token, ConsentScopes = scopes };
        Message[] speech = [new AskConsent([.. missing.Select(item => item.Scope)])];
        return new(asking, Reply.Connect(speech, new ConsentConnectionRequest(scopes, token.Format())), []);
    }

    /// <summary>
    /// "Yes, continue" after an interrupted consent connection: ask again, with a fresh token, for what was
    /// asked before. This turn carries no profile read, so it cannot tell more than the last request did.
    /// </summary>
    private Decision AskConsentAgain(SessionState state, TurnContext context)
    {
        if (state.Destination is null)
        {
            return LostTrack(state);
        }

        var asked = (state.ConsentScopes ?? [])
            .Select(scope => new ConsentItem(scope.Scope, scope.Level, Available: false))
            .ToList();
        return asked.Count == 0 ? ConsentOrQuote(state, context, QuotePreface.None) : StartConsent(state, context, asked);
    }

    private static Decision StartQuote(SessionState state, RiderFacts rider, QuotePreface preface)
    {
        // ConsentPlan has checked that the rider id, name, mobile number and pickup are all present.
        var passenger = new Passenger(rider.RiderId!, rider.PersonId, rider.GivenName, rider.MobileNumber);
        var quoting = state with
        {
            Step = SessionStep.Quoting,
            PendingConnection = null,
            Passenger = passenger,
            QuotePreface = preface,
        };
        return new(quoting, null, [new QuoteRide(rider.Pickup!, state.Destination!) { RideType = state.RideType }]);
    }
}
