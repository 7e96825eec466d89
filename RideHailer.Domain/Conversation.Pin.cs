using RideHailer.Domain.Pin;
using RideHailer.Domain.Replies;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>Step 5: "Ok, &lt;first name&gt;." and hand over to the PIN connection with a fresh token.</summary>
    private Decision StartPin(SessionState state, TurnContext context)
    {
        if (state.Quote is null || state.Passenger is null)
        {
            return LostTrack(state);
        }

        var token = LiveToken(state, ConnectionKind.Pin, context);
        var verifying = state with { Step = SessionStep.AwaitingPin, PendingConnection = token };
        var connection = new PinConnectionRequest(token.Format()) { ConfidenceLevel = _settings.RequiredConfidenceLevel };
        return new(verifying, Reply.Connect([GreetingFor(context.Rider, state.Passenger)], connection), []);
    }

    /// <summary>The recognised speaker (Alexa says their name), else the profile's name, else no name.</summary>
    private static Greeting GreetingFor(RiderFacts rider, Rides.Passenger passenger)
    {
        var personId = rider.PersonId ?? passenger.PersonId;
        if (!string.IsNullOrWhiteSpace(personId))
        {
            return new Greeting(personId, null);
        }

        var name = rider.GivenName ?? passenger.GivenName;
        return new Greeting(null, string.IsNullOrWhiteSpace(name) ? null : name.Trim());
    }

    /// <summary>The PIN result table, row by row, for the resume the session is waiting for.</summary>
    private Decision OnPin(SessionState state, PinResolved result, TurnContext context)
    {
        if (state.Step != SessionStep.AwaitingPin
            || state.PendingConnection is not { Kind: ConnectionKind.Pin } pending
            || !pending.Matches(result.Token))
        {
            // A replay of the resume that already booked only re-speaks where the booking is.
            return Unchanged(state, state.UsedPinToken == result.Token ? null : Phrase.NotExpected);
        }

        var resumed = state with { PendingConnection = null };
        var outcome = new PinResult(result.Verification, result.AchievedLevel, result.PersonPresent)
            .Classify(_settings.PinPolicy, _settings.RequiredConfidenceLevel);
        return outcome switch
        {
            PinOutcome.Book => Book(resumed, result.Token),
            PinOutcome.NotEnabledButMandatory => End(resumed, Phrase.PinNotEnabled),
            PinOutcome.LockedOut => End(resumed, Phrase.PinLockedOut),
            PinOutcome.NotSetUp => End(resumed, Phrase.PinNotSetUp),
            PinOutcome.NoMatch => OnPinMismatch(resumed),
            PinOutcome.ConnectionFailed => End(resumed, Phrase.PinConnectionFailed),
            _ => End(resumed, Phrase.PinNotVerified),
        };
    }

    /// <summary>NOT_MATCH: offer a retry until the attempts run out, then end.</summary>
    private Decision OnPinMismatch(SessionState state)
    {
        var mismatched = state with { PinMismatches = state.PinMismatches + 1 };
        return mismatched.PinMismatches >= _settings.MaxPinAttempts
            ? End(mismatched, Phrase.PinNoMatchAgain)
            : Ask(mismatched with { Step = SessionStep.AwaitingPinRetryAnswer }, [Say(Phrase.PinNoMatch)], [Say(Phrase.TryAgain)]);
    }
}
