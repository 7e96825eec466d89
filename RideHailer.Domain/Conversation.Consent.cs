using RideHailer.Domain.Consent;
using RideHailer.Domain.Replies;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>The consent result table, row by row, for the resume the session is waiting for.</summary>
    private Decision OnConsent(SessionState state, ConsentResolved result, TurnContext context)
    {
        if (state.Step != SessionStep.AwaitingConsent
            || state.PendingConnection is not { Kind: ConnectionKind.Consent } pending
            || !pending.Matches(result.Token))
        {
            return Unchanged(state, Phrase.NotExpected);
        }

        var resumed = state with { PendingConnection = null };
        var card = new PermissionsCard([.. (state.ConsentScopes ?? []).Select(scope => scope.Scope)]);
        return result.Outcome switch
        {
            ConsentOutcome.Accepted => OnConsentAccepted(resumed, context),
            ConsentOutcome.Denied => End(resumed, Phrase.ConsentDenied, card),
            ConsentOutcome.NotAnswered => End(resumed, Phrase.ConsentNotAnswered, card),
            ConsentOutcome.RedirectToApp => End(resumed, Phrase.ConsentRedirected, card),
            _ => End(resumed, Phrase.ConsentFailed, card),
        };
    }

    /// <summary>
    /// ACCEPTED: quote with the facts the edge loaded after consent. A scope still not granted, refused by the
    /// Profile API, or without its fact is treated as not granted: permissions card for it, and end. A profile that
    /// could not be read (an outage) is apologised for instead, and the step kept.
    /// </summary>
    private Decision OnConsentAccepted(SessionState state, TurnContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Rider.RiderId))
        {
            return End(state, Phrase.LinkAccount, new AccountLinkingCard());
        }

        if (state.Destination is null)
        {
            return Ask(state with { Step = SessionStep.AwaitingDestination }, [Say(Phrase.LostTrack), Say(Phrase.WhereTo)], [Say(Phrase.WhereTo)]);
        }

        var plan = ConsentPlan.For(_settings, context.Rider);
        if (plan.Unreachable)
        {
            // The rider said yes, but the profile did not answer: that is no refusal, so no permissions card and no
            // end; the step stays, waiting for the rider to go on.
            return Unchanged(state, Phrase.ProfileUnreachable);
        }

        var missing = plan.Missing;
        if (missing.Count > 0)
        {
            var scopes = missing.Select(item => item.Scope).ToList();
            return End(state, [new StillNoAccess(scopes)], new PermissionsCard(scopes));
        }

        return StartQuote(state, context.Rider, QuotePreface.ThankForConsent);
    }
}
