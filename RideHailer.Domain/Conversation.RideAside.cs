using RideHailer.Domain.Replies;

namespace RideHailer.Domain;

/// <summary>
/// "Where is my ride" and "cancel my ride" asked in the middle of booking another: answered aside, and the session
/// keeps its place. The step they interrupted is kept in <see cref="SessionState.InterruptedStep"/> with everything it
/// held (the quote on offer, the place choices, a pending connection's token), and once the question is answered
/// the session goes back to it and asks its question again, with its own reprompt.
/// </summary>
/// <remarks>
/// After the cancel question, whatever the answer, the session goes back too (it does not end, as it does when the
/// question opened the session): the rider was asking for a ride, and cancelling an earlier one is often exactly
/// why (a ride to the wrong place, one no longer needed now that plans changed). Ending would throw away the
/// destination, consent and quote already given; going back costs a rider who is done one "no".
/// </remarks>
public sealed partial class Conversation
{
    /// <summary>Steps that wait for the rider's answer to a booking's question, where a ride question is answered aside.</summary>
    private static bool CanInterruptForRide(SessionStep step) => step is SessionStep.AwaitingPlaceChoice
        or SessionStep.AwaitingSecondRideAnswer
        or SessionStep.AwaitingConsent
        or SessionStep.AwaitingQuoteAnswer
        or SessionStep.AwaitingPin
        or SessionStep.AwaitingPinRetryAnswer;

    /// <summary>
    /// Steps waiting on work, not on the rider (a reply that missed Alexa's budget still lands; the rider may speak
    /// meanwhile): a ride question hears what the session is doing, changes nothing and commands nothing. While
    /// booking above all, nothing else is looked up or cancelled: the ride being booked is the one the rider means.
    /// </summary>
    private static bool IsBusy(SessionStep step) => step is SessionStep.CheckingActiveRide
        or SessionStep.Quoting
        or SessionStep.Booking
        or SessionStep.CheckingRideStatus
        or SessionStep.FindingRideToCancel
        or SessionStep.PricingCancellation
        or SessionStep.CancellingRide;

    /// <summary>
    /// The ride question is answered: a session it opened ends, as it always has; one it interrupted goes back.
    /// </summary>
    private static Decision Answered(SessionState state, IReadOnlyList<Message> speech) =>
        state.InterruptedStep is { } interrupted ? BackTo(state, interrupted, speech) : End(state, speech);

    /// <summary>The answer, then the interrupted step's own question, as its reprompt would ask it.</summary>
    private static Decision BackTo(SessionState state, SessionStep interrupted, IReadOnlyList<Message> said)
    {
        var back = Resumed(state, interrupted);
        var question = Reprompt(back, null);
        return new(back, question with { Speech = [.. said, .. question.Speech] }, []);
    }

    /// <summary>The interrupted step again, with nothing of the ride question left pending (only a yes ever cancels).</summary>
    private static SessionState Resumed(SessionState state, SessionStep interrupted) =>
        state with { Step = interrupted, InterruptedStep = null, RideToCancel = null, CancellationFee = null };

    /// <summary>
    /// The resume of the connection the interrupted step is waiting for, arriving while a ride question is answered
    /// aside (a consent or PIN dialog Alexa finished late): it is still that step's answer, so the ride question is
    /// dropped (nothing was cancelled: only a yes cancels) and the resume is decided at the step, as if never
    /// interrupted. Any other resume changes nothing, as everywhere.
    /// </summary>
    private static bool IsPendingResume(SessionState state, Turn turn) => (state.PendingConnection, turn) switch
    {
        ({ Kind: ConnectionKind.Consent } pending, ConsentResolved consent) => pending.Matches(consent.Token),
        ({ Kind: ConnectionKind.Pin } pending, PinResolved pin) => pending.Matches(pin.Token),
        _ => false,
    };

    /// <summary>
    /// At the cancel question, "where is my ride" is told of the ride the question names, and the question asked
    /// again; "cancel my ride" again hears the question again.
    /// </summary>
    private static Decision OnRideQuestionAtCancel(SessionState state, Turn turn, DateTimeOffset now) =>
        turn is RideStatusAsked && state.RideToCancel is { } ride && StatusOf(ride, now) is { } status && QuestionFor(state) is { } question
            ? Ask(state, [.. status, question], [question])
            : Unchanged(state, null);
}
