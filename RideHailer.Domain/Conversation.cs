using System.Globalization;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;

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

    /// <summary>A conversation under <paramref name="settings"/>.</summary>
    public Conversation(ConversationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxDestinationMisses, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxPinAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.QuoteValidity, TimeSpan.Zero);
        _settings = settings;
    }

    /// <summary>What a request hears that names a session it does not belong to: nothing of the session is told.</summary>
    public static Reply NotThisSession { get; } = Reply.Tell(Phrase.SessionOver);

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

        return Reprompt(finished, null);
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
            RideServiceUnreachable => OnRideServiceUnreachable(state),
            BookingQuoteExpired expired => OnBookingQuoteExpired(state, expired),
            _ when state.IsFinished => new(state, AfterTheEnd(state), []),
            Stop or Dismiss => OnStop(state),
            Help => OnHelp(state, turnContext),
            ConsentResolved or PinResolved when state.InterruptedStep is { } interrupted && IsPendingResume(state, turn) =>
                Decide(Resumed(state, interrupted), turn, turnContext),
            ConsentResolved consent => OnConsent(state, consent, turnContext),
            PinResolved pin => OnPin(state, pin, turnContext),
            UnmatchedResume => Unchanged(state, Phrase.NotExpected),
            QuoteReady ready => OnQuoteReady(state, ready, turnContext),
            QuoteFailed => OnQuoteFailed(state),
            ActiveRideFound found => OnActiveRideFound(state, found, turnContext),
            NoActiveRide or ActiveRideLookupFailed => OnNoActiveRide(state, turnContext),
            PlaceFound found => OnPlacesFound(state, [found.Place], turnContext),
            PlacesFound found => OnPlacesFound(state, found.Places, turnContext),
            PlaceChosen chosen => OnPlaceChosen(state, chosen, turnContext),
            RideHomeRequested when CanChangeDestination(state.Step) => OnRideHomeRequested(state, turnContext),
            PlaceNotFound or PlaceSearchFailed => OnPlaceMissed(state, turn, turnContext),
            RideStatusAsked or CancelRideAsked when CanAskAboutRide(state.Step) => OnRideQuestion(state, turn, turnContext),
            RideStatusAsked or CancelRideAsked when CanInterruptForRide(state.Step) => OnRideQuestion(state with { InterruptedStep = state.Step }, turn, turnContext),
            RideStatusAsked or CancelRideAsked when state.Step == SessionStep.AwaitingCancelAnswer => OnRideQuestionAtCancel(state, turn, turnContext.Now),
            RideStatusAsked or CancelRideAsked when IsBusy(state.Step) => Unchanged(state, null),
            LatestRideFound found => OnLatestRide(state, found.Booking, turnContext),
            NoLatestRide => OnLatestRide(state, null, turnContext),
            LatestRideLookupFailed => OnLatestRideLookupFailed(state),
            CancellationFeeFound fee => OnCancellationFee(state, fee),
            CancellationFeeFailed => OnCancellationFeeFailed(state),
            RideCanceled canceled => OnRideCanceled(state, canceled),
            RideCancelFailed failed => OnRideCancelFailed(state, failed),
            RideRequested request when CanChangeDestination(state.Step) => OnRideRequested(state, request, turnContext),
            _ => OnAnswer(state, turn, turnContext),
        };
    }

    /// <summary>Yes, No, Launch, Fallback (and a ride request where none fits), by step.</summary>
    private Decision OnAnswer(SessionState state, Turn turn, TurnContext context) => (state.Step, turn) switch
    {
        (SessionStep.New or SessionStep.AwaitingDestination, Launch) =>
            Ask(state with { Step = SessionStep.AwaitingDestination }, [Say(Phrase.Welcome), Say(Phrase.WhereTo)], [Say(Phrase.WhereTo)]),
        (SessionStep.New or SessionStep.AwaitingDestination, Fallback) =>
            MissDestination(state, said: null, GivenUp(DestinationMiss.NotUnderstood, state, context)),
        (SessionStep.New or SessionStep.AwaitingDestination, No) => End(state, Phrase.NoDestination),
        (SessionStep.AwaitingSecondRideAnswer, Yes) => GoOnToConsentOrQuote(state, context),
        (SessionStep.AwaitingSecondRideAnswer, No) => End(state, state.ActiveRide is null ? Phrase.NoSecondRideGoodbye : Phrase.KeepActiveRide),
        (SessionStep.AwaitingConsent, Yes) => AskConsentAgain(state, context),
        (SessionStep.AwaitingQuoteAnswer, Yes) => OnQuoteAccepted(state, context),
        (SessionStep.AwaitingPin or SessionStep.AwaitingPinRetryAnswer, Yes) => StartPin(state, context),
        (SessionStep.AwaitingConsent or SessionStep.AwaitingQuoteAnswer or SessionStep.AwaitingPin, No) =>
            End(state, Phrase.Declined),
        (SessionStep.AwaitingPinRetryAnswer, No) => End(state, Phrase.NotBookedGoodbye),
        (SessionStep.AwaitingCancelAnswer, Yes) => OnCancelAccepted(state),
        (SessionStep.AwaitingCancelAnswer, No) => Answered(state, [Say(Phrase.KeepRide)]),
        (_, Launch) => Unchanged(state, Phrase.Welcome),
        _ => Unchanged(state, Phrase.NotUnderstood),
    };

    private static bool CanChangeDestination(SessionStep step) => step is SessionStep.New
        or SessionStep.AwaitingDestination
        or SessionStep.AwaitingPlaceChoice
        or SessionStep.AwaitingSecondRideAnswer
        or SessionStep.AwaitingConsent
        or SessionStep.AwaitingQuoteAnswer
        or SessionStep.AwaitingPin
        or SessionStep.AwaitingPinRetryAnswer;

    private static Decision EndSilently(SessionState state) =>
        new(state.IsFinished ? state : Ended(state), null, []);

    private static Decision OnStop(SessionState state) => state.Step switch
    {
        SessionStep.New or SessionStep.AwaitingDestination => End(state, Phrase.Goodbye),
        SessionStep.AwaitingSecondRideAnswer => End(state, Phrase.NoSecondRideGoodbye),
        SessionStep.Booking => End(state, Phrase.StillBookingGoodbye),
        SessionStep.AwaitingCancelAnswer => End(state, Phrase.KeepRide),
        SessionStep.CheckingRideStatus or SessionStep.FindingRideToCancel or SessionStep.PricingCancellation or SessionStep.CancellingRide =>
            End(state, Phrase.Goodbye),
        _ => End(state, Phrase.NotBookedGoodbye),
    };

    // Certification asks that help end with a question: each help says what can be said, then asks the step's question.
    private Decision OnHelp(SessionState state, TurnContext context) => state.Step switch
    {
        SessionStep.New or SessionStep.AwaitingDestination => Ask(
            state with { Step = SessionStep.AwaitingDestination },
            [new DestinationHelp(ExamplesFor(state, context)), Say(Phrase.WhereTo)],
            [Say(Phrase.WhereTo)]),
        SessionStep.AwaitingPlaceChoice when state.PlaceChoices is { Count: > 0 } choices =>
            Ask(state, [Say(Phrase.HelpPlaceChoice), new WhichPlace(choices)], [new WhichPlace(choices)]),
        SessionStep.AwaitingSecondRideAnswer when state is { ActiveRide: { } active, Destination: { } destination } =>
            Ask(state, [new HelpSecondRide(active.Quote.Destination), Say(Phrase.HelpRideAside), new AnotherRide(destination)], [new AnotherRide(destination)]),
        SessionStep.AwaitingConsent => Ask(state, [new HelpConsent([.. (state.ConsentScopes ?? []).Select(scope => scope.Scope)]), Say(Phrase.Continue)], [Say(Phrase.Continue)]),
        SessionStep.AwaitingQuoteAnswer when state.Quote is { } quote =>
            Ask(state, [new HelpQuote(quote.Destination, quote.Price), new BookIt(quote.Destination)], [new BookIt(quote.Destination)]),
        SessionStep.AwaitingPin => Ask(state, [Say(Phrase.HelpPin), Say(Phrase.Continue)], [Say(Phrase.Continue)]),
        SessionStep.AwaitingPinRetryAnswer => Ask(state, [Say(Phrase.HelpPinRetry), Say(Phrase.TryAgain)], [Say(Phrase.TryAgain)]),
        SessionStep.AwaitingCancelAnswer when QuestionFor(state) is { } question => Ask(state, [Say(Phrase.HelpCancel), question], [question]),
        _ => Unchanged(state, null),
    };

    /// <summary>A graceful reply that leaves the state exactly as it was, re-asking whatever the step is waiting for.</summary>
    private static Decision Unchanged(SessionState state, Phrase? lead) => new(state, Reprompt(state, lead), []);

    private static Reply Reprompt(SessionState state, Phrase? lead)
    {
        List<Message> Lead(Message question) => lead is { } first ? [Say(first), question] : [question];
        return state.Step switch
        {
            SessionStep.New or SessionStep.AwaitingDestination => Reply.Ask(Lead(Say(Phrase.WhereTo)), [Say(Phrase.WhereTo)]),
            SessionStep.AwaitingPlaceChoice when state.PlaceChoices is { Count: > 0 } choices =>
                Reply.Ask(Lead(new WhichPlace(choices)), [new WhichPlace(choices)]),
            SessionStep.AwaitingSecondRideAnswer when state.Destination is { } destination =>
                Reply.Ask(Lead(new AnotherRide(destination)), [new AnotherRide(destination)]),
            SessionStep.AwaitingConsent or SessionStep.AwaitingPin => Reply.Ask(Lead(Say(Phrase.Continue)), [Say(Phrase.Continue)]),
            SessionStep.AwaitingQuoteAnswer when state.Quote is { } quote =>
                Reply.Ask(Lead(new BookIt(quote.Destination)), [new BookIt(quote.Destination)]),
            SessionStep.AwaitingPinRetryAnswer => Reply.Ask(Lead(Say(Phrase.TryAgain)), [Say(Phrase.TryAgain)]),
            SessionStep.AwaitingCancelAnswer when QuestionFor(state) is { } question => Reply.Ask(Lead(question), [question]),
            SessionStep.CheckingRideStatus or SessionStep.FindingRideToCancel or SessionStep.PricingCancellation or SessionStep.CancellingRide =>
                Reply.Tell(Lead(Say(Phrase.StillChecking))),
            SessionStep.CheckingActiveRide => Reply.Tell(Lead(Say(Phrase.StillChecking))),
            SessionStep.Quoting => Reply.Tell(Lead(Say(Phrase.StillQuoting))),
            SessionStep.Booking => Reply.Tell(Lead(Say(Phrase.StillBooking))),
            SessionStep.Booked when state.Booking is { } booking =>
                Reply.Tell([new AlreadyBooked(booking.Quote.Destination, WholeMinutes.Of(booking.Dispatch.DriverEta))], RideBookedCard.Of(booking)),
            SessionStep.Ended or SessionStep.Booked => Reply.Tell(Phrase.SessionOver),
            _ => Reply.Ask([Say(Phrase.LostTrack), Say(Phrase.WhereTo)], [Say(Phrase.WhereTo)]),
        };
    }

    private static Line Say(Phrase phrase) => new(phrase);

    private static Decision Ask(SessionState state, IReadOnlyList<Message> speech, IReadOnlyList<Message> reprompt) =>
        new(state, Reply.Ask(speech, reprompt), []);

    /// <summary>Asks for the destination again, having lost what the session was doing.</summary>
    private static Decision LostTrack(SessionState state) =>
        Ask(state with { Step = SessionStep.AwaitingDestination, PendingConnection = null }, [Say(Phrase.LostTrack), Say(Phrase.WhereTo)], [Say(Phrase.WhereTo)]);

    /// <summary>Ends the session without a booking (a booking already commanded stays commanded).</summary>
    private static Decision End(SessionState state, IReadOnlyList<Message> speech, AppCard? card = null) =>
        new(Ended(state), Reply.Tell(speech, card), []);

    private static Decision End(SessionState state, Phrase phrase, AppCard? card = null) => End(state, [Say(phrase)], card);

    /// <summary>Nothing is pending any more, and the rider facts kept for a pending answer are let go.</summary>
    private static SessionState Ended(SessionState state) =>
        state with { Step = SessionStep.Ended, PendingConnection = null, PendingRider = null, ActiveRide = null, RideToCancel = null, InterruptedStep = null };

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
        SessionStep.AwaitingQuoteAnswer when state.Quote is { } quote && quote.RideType == state.RideType && IsStillOffered(state, quote, context.Now) =>
            Ask(state, OfferOf(quote, QuotePreface.None), [new BookIt(quote.Destination)]),
        SessionStep.AwaitingConsent when state.PendingConnection is { Kind: ConnectionKind.Consent } && (state.ConsentScopes ?? []).Count > 0 =>
            AskConsentAgain(state, context),
        SessionStep.AwaitingPin when state.PendingConnection is { Kind: ConnectionKind.Pin } => StartPin(state, context),
        _ => null,
    };

    private bool IsStillOffered(SessionState state, Quote quote, DateTimeOffset now) =>
        quote.IsValidAt(now) && now - (state.QuoteOfferedAt ?? quote.QuotedAt) < _settings.QuoteValidity;

    private static string Nonce(TurnContext context) =>
        string.IsNullOrEmpty(context.Nonce) ? context.Now.UtcTicks.ToString(CultureInfo.InvariantCulture) : context.Nonce;
}
