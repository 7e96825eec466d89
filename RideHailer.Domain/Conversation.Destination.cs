using System.Diagnostics.CodeAnalysis;
using RideHailer.Domain.Flow;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>
    /// Steps 1–3: understand the destination, require a linked account, look up a ride still on its way (once a
    /// session), then consent or quote.
    /// </summary>
    private Decision OnRideRequested(SessionState state, RideRequested request, TurnContext context)
    {
        if (!TryResolve(request, out var destination))
        {
            return MissDestination(state, request.DestinationText);
        }

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
            return End(chosen, Phrases.LinkAccount, new AccountLinkingCard());
        }

        if (state.Step == SessionStep.AwaitingSecondRideAnswer)
        {
            // Another place while asked about the ride on its way: only "yes" books a second ride, so the question
            // stands, now for this place and with this request's facts.
            return AskAboutActiveRide(chosen with { PendingRider = context.Rider }, state.ActiveRide, context);
        }

        return state.ActiveRideChecked ? ConsentOrQuote(chosen, context, QuotePreface.None) : CheckActiveRide(chosen, context);
    }

    private bool TryResolve(RideRequested request, [NotNullWhen(true)] out Place? destination) =>
        _places.TryGet(request.PlaceId, out destination) || _places.TryMatch(request.DestinationText, out destination);

    private Decision MissDestination(SessionState state, string? said)
    {
        var missed = state with { Step = SessionStep.AwaitingDestination, DestinationMisses = state.DestinationMisses + 1 };
        return missed.DestinationMisses >= _settings.MaxDestinationMisses
            ? End(missed, Phrases.TooManyMisses)
            : Ask(missed, Phrases.UnknownPlace(said), Phrases.WhereTo);
    }

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
        var speech = Speech.Text(Phrases.AskConsent([.. missing.Select(item => item.Label)]));
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
            return Ask(state with { Step = SessionStep.AwaitingDestination, PendingConnection = null }, Phrases.LostTrack, Phrases.WhereTo);
        }

        var asked = (state.ConsentScopes ?? [])
            .Select(scope => new ConsentItem(scope.Scope, ConsentPlan.LabelOf(_settings, scope.Scope), scope.Level, Available: false))
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
        return new(quoting, null, [new QuoteRide(rider.Pickup!, state.Destination!)]);
    }
}
