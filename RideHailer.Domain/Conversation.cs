using RideHailer.Domain.Flow;
using RideHailer.Domain.Places;

namespace RideHailer.Domain;

/// <summary>
/// The booking conversation as a pure state machine: destination → account → ride already on its way? → consent
/// → quote → PIN → book.
/// Deterministic (time, nonce and rider facts come in with the turn), free of I/O, and total: every
/// state and turn gives a decision.
/// </summary>
public sealed partial class Conversation
{
    private readonly ConversationSettings _settings;
    private readonly PlaceCatalog _places;

    /// <summary>A conversation over the built-in place catalog.</summary>
    public Conversation(ConversationSettings settings)
        : this(settings, PlaceCatalog.Default)
    {
    }

    /// <summary>A conversation over <paramref name="places"/>.</summary>
    public Conversation(ConversationSettings settings, PlaceCatalog places)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(places);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxDestinationMisses, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxPinAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.QuoteValidity, TimeSpan.Zero);
        _settings = settings;
        _places = places;
    }

    /// <summary>What a request hears that names a session it does not belong to: nothing of the session is told.</summary>
    public static Reply NotThisSession { get; } = Reply.Tell(Phrases.SessionOver);

    /// <summary>
    /// What every later turn to a finished session hears: how it ended (the booking re-spoken, or that the
    /// conversation is over), whatever the turn, so the host can publish it once, with the final state.
    /// </summary>
    public static Reply AfterTheEnd(SessionState finished)
    {
        ArgumentNullException.ThrowIfNull(finished);
        if (!finished.IsFinished)
        {
            throw new ArgumentException($"The session is at {finished.Step}, not finished.", nameof(finished));
        }

        return Reprompt(finished, string.Empty);
    }

    /// <summary>Applies one turn to a session: the new state, what to say, and what the caller must do next.</summary>
    public Decision Decide(SessionState state, Turn turn, TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(context);
        var rider = context.Rider ?? RiderFacts.None;
        var turnContext = context with { Rider = rider };
        return turn switch
        {
            SessionEnded => EndSilently(state),
            BookingDone done => OnBookingDone(state, done),
            BookingFailed => OnBookingFailed(state),
            _ when state.IsFinished => new(state, AfterTheEnd(state), []),
            Stop or Cancel => OnStop(state),
            Help => OnHelp(state),
            ConsentResolved consent => OnConsent(state, consent, turnContext),
            PinResolved pin => OnPin(state, pin, turnContext),
            UnmatchedResume => Unchanged(state, Phrases.NotExpected),
            QuoteReady ready => OnQuoteReady(state, ready, turnContext),
            QuoteFailed => OnQuoteFailed(state),
            ActiveRideFound found => OnActiveRideFound(state, found, turnContext),
            NoActiveRide or ActiveRideLookupFailed => OnNoActiveRide(state, turnContext),
            RideRequested request when CanChangeDestination(state.Step) => OnRideRequested(state, request, turnContext),
            _ => OnAnswer(state, turn, turnContext),
        };
    }

    /// <summary>Yes, No, Launch, Fallback (and a ride request where none fits), by step.</summary>
    private Decision OnAnswer(SessionState state, Turn turn, TurnContext context) => (state.Step, turn) switch
    {
        (SessionStep.New or SessionStep.AwaitingDestination, Launch) =>
            Ask(state with { Step = SessionStep.AwaitingDestination }, Phrases.Welcome, Phrases.WhereTo),
        (SessionStep.New or SessionStep.AwaitingDestination, Fallback) => MissDestination(state, said: null),
        (SessionStep.New or SessionStep.AwaitingDestination, No) => End(state, Phrases.NoDestination),
        (SessionStep.AwaitingSecondRideAnswer, Yes) => GoOnToConsentOrQuote(state, context),
        (SessionStep.AwaitingSecondRideAnswer, No) => End(state, Phrases.KeepActiveRide),
        (SessionStep.AwaitingConsent, Yes) => AskConsentAgain(state, context),
        (SessionStep.AwaitingQuoteAnswer, Yes) => OnQuoteAccepted(state, context),
        (SessionStep.AwaitingPin or SessionStep.AwaitingPinRetryAnswer, Yes) => StartPin(state, context),
        (SessionStep.AwaitingConsent or SessionStep.AwaitingQuoteAnswer or SessionStep.AwaitingPin, No) =>
            End(state, Phrases.Declined),
        (SessionStep.AwaitingPinRetryAnswer, No) => End(state, Phrases.NotBookedGoodbye),
        (_, Launch) => Unchanged(state, "Welcome to Ride Hailer."),
        _ => Unchanged(state, Phrases.NotUnderstood),
    };

    private static bool CanChangeDestination(SessionStep step) => step is SessionStep.New
        or SessionStep.AwaitingDestination
        or SessionStep.AwaitingSecondRideAnswer
        or SessionStep.AwaitingConsent
        or SessionStep.AwaitingQuoteAnswer
        or SessionStep.AwaitingPin
        or SessionStep.AwaitingPinRetryAnswer;

    private static Decision EndSilently(SessionState state) =>
        new(state.IsFinished ? state : Ended(state), null, []);

    private static Decision OnStop(SessionState state) => state.Step switch
    {
        SessionStep.New or SessionStep.AwaitingDestination => End(state, Phrases.Goodbye),
        SessionStep.AwaitingSecondRideAnswer => End(state, Phrases.NoSecondRideGoodbye),
        SessionStep.Booking => End(state, Phrases.StillBookingGoodbye),
        _ => End(state, Phrases.NotBookedGoodbye),
    };

    private Decision OnHelp(SessionState state) => state.Step switch
    {
        SessionStep.New or SessionStep.AwaitingDestination =>
            Ask(state with { Step = SessionStep.AwaitingDestination }, Phrases.HelpDestination, Phrases.WhereTo),
        SessionStep.AwaitingSecondRideAnswer when state is { ActiveRide: { } active, Destination: { } destination } =>
            Ask(state, Phrases.HelpSecondRide(active), Phrases.AnotherRide(destination)),
        SessionStep.AwaitingConsent => Ask(state, Phrases.HelpConsent(ConsentLabels(state)), Phrases.Continue),
        SessionStep.AwaitingQuoteAnswer when state.Quote is { } quote =>
            Ask(state, Phrases.HelpQuote(quote), Phrases.BookIt(quote.Destination)),
        SessionStep.AwaitingPin => Ask(state, Phrases.HelpPin, Phrases.Continue),
        SessionStep.AwaitingPinRetryAnswer => Ask(state, Phrases.HelpPinRetry, Phrases.TryAgain),
        _ => Unchanged(state, string.Empty),
    };

    private List<string> ConsentLabels(SessionState state) =>
        [.. (state.ConsentScopes ?? []).Select(scope => ConsentPlan.LabelOf(_settings, scope.Scope))];

    /// <summary>A graceful reply that leaves the state exactly as it was, re-asking whatever the step is waiting for.</summary>
    private static Decision Unchanged(SessionState state, string lead) => new(state, Reprompt(state, lead), []);

    private static Reply Reprompt(SessionState state, string lead)
    {
        string Lead(string text) => lead.Length == 0 ? text : $"{lead} {text}";
        return state.Step switch
        {
            SessionStep.New or SessionStep.AwaitingDestination => Reply.Ask(Lead(Phrases.WhereTo), Phrases.WhereTo),
            SessionStep.AwaitingSecondRideAnswer when state.Destination is { } destination =>
                Reply.Ask(Lead(Phrases.AnotherRide(destination)), Phrases.AnotherRide(destination)),
            SessionStep.AwaitingConsent or SessionStep.AwaitingPin => Reply.Ask(Lead(Phrases.Continue), Phrases.Continue),
            SessionStep.AwaitingQuoteAnswer when state.Quote is { } quote =>
                Reply.Ask(Lead(Phrases.BookIt(quote.Destination)), Phrases.BookIt(quote.Destination)),
            SessionStep.AwaitingPinRetryAnswer => Reply.Ask(Lead(Phrases.TryAgain), Phrases.TryAgain),
            SessionStep.CheckingActiveRide => Reply.Tell(Lead(Phrases.StillChecking)),
            SessionStep.Quoting => Reply.Tell(Lead(Phrases.StillQuoting)),
            SessionStep.Booking => Reply.Tell(Lead(Phrases.StillBooking)),
            SessionStep.Booked when state.Booking is { } booking =>
                Reply.Tell(Phrases.AlreadyBooked(booking), Phrases.BookingCard(booking)),
            SessionStep.Ended or SessionStep.Booked => Reply.Tell(Phrases.SessionOver),
            _ => Reply.Ask(Phrases.LostTrack, Phrases.WhereTo),
        };
    }

    private static Decision Ask(SessionState state, string speech, string reprompt) =>
        new(state, Reply.Ask(speech, reprompt), []);

    /// <summary>Ends the session without a booking (a booking already commanded stays commanded).</summary>
    private static Decision End(SessionState state, string speech, Card? card = null) =>
        new(Ended(state), Reply.Tell(speech, card), []);

    /// <summary>Nothing is pending any more, and the rider facts kept for a pending answer are let go.</summary>
    private static SessionState Ended(SessionState state) =>
        state with { Step = SessionStep.Ended, PendingConnection = null, PendingRider = null, ActiveRide = null };

    /// <summary>
    /// The token of the connection this step is already waiting for, or a new one. Offering a connection again (the
    /// rider repeating themselves after "that took too long", or saying "yes, continue") must not leave two tokens
    /// of one step alive: whichever connection completes is the step's answer.
    /// </summary>
    private static ConnectionToken LiveToken(SessionState state, ConnectionKind kind, TurnContext context) =>
        state.PendingConnection is { } pending && pending.Kind == kind
            ? pending
            : new ConnectionToken(kind, Nonce(context));

    /// <summary>
    /// The same destination said again while the session waits on it: the rider did not hear the answer (a reply
    /// past the budget still lands), so they hear it now, unchanged: the quote on offer, or the pending connection
    /// with its token. Null when the step has nothing pending to offer again.
    /// </summary>
    private Decision? Reoffer(SessionState state, TurnContext context) => state.Step switch
    {
        SessionStep.AwaitingQuoteAnswer when state.Quote is { } quote && IsStillOffered(state, quote, context.Now) =>
            Ask(state, Phrases.Offer(quote, QuotePreface.None), Phrases.BookIt(quote.Destination)),
        SessionStep.AwaitingConsent when state.PendingConnection is { Kind: ConnectionKind.Consent } && (state.ConsentScopes ?? []).Count > 0 =>
            AskConsentAgain(state, context),
        SessionStep.AwaitingPin when state.PendingConnection is { Kind: ConnectionKind.Pin } => StartPin(state, context),
        _ => null,
    };

    private bool IsStillOffered(SessionState state, Rides.Quote quote, DateTimeOffset now) =>
        quote.IsValidAt(now) && now - (state.QuoteOfferedAt ?? quote.QuotedAt) < _settings.QuoteValidity;

    private static string Nonce(TurnContext context) =>
        string.IsNullOrEmpty(context.Nonce) ? context.Now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) : context.Nonce;
}
