using RideHailer.Domain.Flow;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>Step 5: "Ok, &lt;first name&gt;." and hand over to the PIN connection with a fresh token.</summary>
    private Decision StartPin(SessionState state, TurnContext context)
    {
        if (state.Quote is null || state.Passenger is null)
        {
            return Ask(state with { Step = SessionStep.AwaitingDestination, PendingConnection = null }, Phrases.LostTrack, Phrases.WhereTo);
        }

        var token = LiveToken(state, ConnectionKind.Pin, context);
        var verifying = state with { Step = SessionStep.AwaitingPin, PendingConnection = token };
        var connection = new PinConnectionRequest(token.Format()) { ConfidenceLevel = _settings.RequiredConfidenceLevel };
        return new(verifying, Reply.Connect(Greeting(context.Rider, state.Passenger), connection), []);
    }

    /// <summary>The recognised speaker's first name when there is one, else the profile's name, else just "Ok.".</summary>
    private static Speech Greeting(RiderFacts rider, Passenger passenger)
    {
        var personId = rider.PersonId ?? passenger.PersonId;
        if (!string.IsNullOrWhiteSpace(personId))
        {
            return new Speech([new SpokenText("Ok, "), new PersonFirstName(personId), new SpokenText(".")]);
        }

        var name = rider.GivenName ?? passenger.GivenName;
        return Speech.Text(string.IsNullOrWhiteSpace(name) ? "Ok." : $"Ok, {name.Trim()}.");
    }

    /// <summary>The PIN result table, row by row, for the resume the session is waiting for.</summary>
    private Decision OnPin(SessionState state, PinResolved result, TurnContext context)
    {
        if (state.Step != SessionStep.AwaitingPin
            || state.PendingConnection is not { Kind: ConnectionKind.Pin } pending
            || !pending.Matches(result.Token))
        {
            // A replay of the resume that already booked only re-speaks where the booking is.
            return Unchanged(state, state.UsedPinToken == result.Token ? string.Empty : Phrases.NotExpected);
        }

        var resumed = state with { PendingConnection = null };
        return PinOutcomes.Classify(result, _settings) switch
        {
            PinOutcome.Book => Book(resumed, result.Token),
            PinOutcome.NotEnabledButMandatory => End(resumed, Phrases.PinNotEnabled),
            PinOutcome.LockedOut => End(resumed, Phrases.PinLockedOut),
            PinOutcome.NotSetUp => End(resumed, Phrases.PinNotSetUp),
            PinOutcome.NoMatch => OnPinMismatch(resumed),
            PinOutcome.ConnectionFailed => End(resumed, Phrases.PinConnectionFailed),
            _ => End(resumed, Phrases.PinNotVerified),
        };
    }

    /// <summary>NOT_MATCH: offer a retry until the attempts run out, then end.</summary>
    private Decision OnPinMismatch(SessionState state)
    {
        var mismatched = state with { PinMismatches = state.PinMismatches + 1 };
        return mismatched.PinMismatches >= _settings.MaxPinAttempts
            ? End(mismatched, Phrases.PinNoMatchAgain)
            : Ask(mismatched with { Step = SessionStep.AwaitingPinRetryAnswer }, Phrases.PinNoMatch, Phrases.TryAgain);
    }
}
