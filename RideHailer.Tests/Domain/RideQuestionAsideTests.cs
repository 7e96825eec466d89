using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Rides;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Domain.Rides;

namespace RideHailer.Tests.Domain;

/// <summary>
/// "Where is my ride" and "cancel my ride" in the middle of booking another: answered aside, and the session keeps its
/// place (the same step, its question asked again with its own reprompt, a pending connection still understood).
/// </summary>
public sealed class RideQuestionAsideTests
{
    private const string SamOnTheWay = "Sam is four minutes away in a silver Toyota Prius, plate B X K 4 8 2 1.";
    private const string BookTheNeedle = "Do you want me to book the ride to the Space Needle?";

    /// <summary>Each step that waits for the rider's answer, and its question as its reprompt asks it.</summary>
    public static TheoryData<SessionStep, string> WaitingSteps => new()
    {
        { SessionStep.AwaitingPlaceChoice, "Which one: 400 Broad Street in Seattle, or 400 Broad Street in Everett?" },
        { SessionStep.AwaitingSecondRideAnswer, "Do you want another ride to the Space Needle?" },
        { SessionStep.AwaitingConsent, "Do you want to continue?" },
        { SessionStep.AwaitingQuoteAnswer, BookTheNeedle },
        { SessionStep.AwaitingPin, "Do you want to continue?" },
        { SessionStep.AwaitingPinRetryAnswer, "Do you want to try again?" },
    };

    /// <summary>A session at <paramref name="step"/> whose rider has a ride on its way with Sam, over a scripted provider.</summary>
    private static async Task<(SessionDriver Session, ScriptedRideProvider Provider)> AtAsync(SessionStep step, Money? fee = null)
    {
        var session = Sessions.At(step);
        var provider = new ScriptedRideProvider(session.Fleet) { Fee = fee };
        session.Provider = provider;
        await BookedAsync(session, TimeSpan.FromMinutes(1), Report(session, RideStatus.Accepted, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(4)));
        return (session, provider);
    }

    [Theory]
    [MemberData(nameof(WaitingSteps))]
    public async Task Status_AtAStepWaitingForAnAnswer_IsAnswered_ThenTheStepsQuestionIsAskedAgain_AndNothingElseChanges(SessionStep step, string question)
    {
        var (session, _) = await AtAsync(step);
        var before = session.State;

        var answer = await session.SendAndRunAsync(new RideStatusAsked());

        Assert.Equal($"{SamOnTheWay} {question}", answer.Reply!.Speech.ToPlainText());
        Assert.Equal(question, answer.Reply.Reprompt?.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, answer.Reply.Session);
        Assert.Equal(before, answer.State);
        Assert.Null(answer.State.InterruptedStep);
    }

    [Fact]
    public async Task Status_AtTheQuote_ThenYes_GoesToThePinForTheSameQuote()
    {
        var (session, _) = await AtAsync(SessionStep.AwaitingQuoteAnswer);
        var quote = session.State.Quote;
        await session.SendAndRunAsync(new RideStatusAsked());

        var yes = await session.SendAndRunAsync(new Yes());

        Assert.Equal(SessionStep.AwaitingPin, yes.State.Step);
        Assert.IsType<PinConnectionRequest>(yes.Reply!.Connection);
        Assert.Equal(quote, yes.State.Quote);
    }

    [Fact]
    public async Task Status_WhileTheConsentConnectionIsPending_ItsResumeIsStillUnderstood()
    {
        var (session, _) = await AtAsync(SessionStep.AwaitingConsent);
        var token = session.PendingToken;
        await session.SendAndRunAsync(new RideStatusAsked());
        session.Rider = Riders.FullyGranted();

        var resumed = session.Send(new ConsentResolved(token, ConsentOutcome.Accepted));

        Assert.Equal(SessionStep.Quoting, resumed.State.Step);
        Assert.IsType<QuoteRide>(Assert.Single(resumed.Commands));
    }

    [Fact]
    public async Task Status_WhileThePinConnectionIsPending_ItsResumeStillBooks()
    {
        var (session, _) = await AtAsync(SessionStep.AwaitingPin);
        var token = session.PendingToken;
        await session.SendAndRunAsync(new RideStatusAsked());

        var resumed = session.Send(new PinResolved(token, PinVerification.Achieved, 400, true));

        Assert.IsType<BookRide>(Assert.Single(resumed.Commands));
    }

    [Fact]
    public async Task Cancel_AtTheQuote_Yes_CancelsOnce_ThenTheQuoteIsOfferedAgain_AndYesGoesToThePin()
    {
        var (session, provider) = await AtAsync(SessionStep.AwaitingQuoteAnswer, new Money(5m, "USD"));

        var asked = await session.SendAndRunAsync(new CancelRideAsked());
        var cancelled = await session.SendAndRunAsync(new Yes());
        var book = await session.SendAndRunAsync(new Yes());

        Assert.Equal(
            "Cancel your ride to the Space Needle with Sam? There's a five dollar cancellation fee now that your driver is close.",
            asked.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.AwaitingCancelAnswer, asked.State.Step);
        Assert.Equal(SessionStep.AwaitingQuoteAnswer, asked.State.InterruptedStep);
        Assert.Equal(
            $"Ok, I cancelled your ride to the Space Needle. You'll be charged a five dollar cancellation fee. {BookTheNeedle}",
            cancelled.Reply!.Speech.ToPlainText());
        Assert.Equal(BookTheNeedle, cancelled.Reply.Reprompt?.ToPlainText());
        Assert.Equal(SessionStep.AwaitingQuoteAnswer, cancelled.State.Step);
        Assert.Null(cancelled.State.RideToCancel);
        Assert.Equal((RideId, "cancel-" + BookingKey, new Money(5m, "USD")), Assert.Single(provider.Cancels));
        Assert.Equal(RideStatus.RiderCanceled, (await StoredProgressAsync(session))?.Status);
        Assert.IsType<PinConnectionRequest>(book.Reply!.Connection);
    }

    [Fact]
    public async Task Cancel_AtTheQuote_No_KeepsTheRide_AndTheQuoteIsOfferedAgain()
    {
        var (session, provider) = await AtAsync(SessionStep.AwaitingQuoteAnswer);
        await session.SendAndRunAsync(new CancelRideAsked());

        var no = await session.SendAndRunAsync(new No());

        Assert.Equal($"Ok, I won't cancel it. Your ride is still booked. {BookTheNeedle}", no.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.AwaitingQuoteAnswer, no.State.Step);
        Assert.Equal(0, provider.CancelCalls);
    }

    [Fact]
    public async Task Cancel_AtTheSecondRideQuestion_OfThatVeryRide_AsksAboutTheNewPlace_AndYesQuotesIt()
    {
        var (session, provider) = Session();
        await BookedAsync(session, TimeSpan.FromMinutes(1), Report(session, RideStatus.Accepted, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(4)));
        var second = session.Send(new RideRequested("pike place market", null));
        Assert.Equal(SessionStep.AwaitingSecondRideAnswer, second.State.Step);

        await session.SendAndRunAsync(new CancelRideAsked());
        var cancelled = await session.SendAndRunAsync(new Yes());
        var quoted = await session.SendAndRunAsync(new Yes());

        Assert.Equal(
            "Ok, I cancelled your ride to the Space Needle. Do you want another ride to Pike Place Market?",
            cancelled.Reply!.Speech.ToPlainText());
        Assert.Null(cancelled.State.ActiveRide);
        Assert.Equal(1, provider.CancelCalls);
        Assert.StartsWith("A ride to Pike Place Market", quoted.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_AtTheSecondRideQuestion_ThenNo_DoesNotSayTheCancelledDriverIsOnTheWay()
    {
        var (session, _) = Session();
        await BookedAsync(session, TimeSpan.FromMinutes(1), Report(session, RideStatus.Accepted, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(4)));
        session.Send(new RideRequested("pike place market", null));
        await session.SendAndRunAsync(new CancelRideAsked());
        await session.SendAndRunAsync(new Yes());

        var no = await session.SendAndRunAsync(new No());

        Assert.Equal(Spoken.Line(Phrase.NoSecondRideGoodbye), no.Reply!.Speech.ToPlainText());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NoRideAtAll_Aside_SaysSo_AndTheQuoteIsOfferedAgain(bool cancel)
    {
        var session = Sessions.At(SessionStep.AwaitingQuoteAnswer);

        var answer = await session.SendAndRunAsync(cancel ? new CancelRideAsked() : new RideStatusAsked());

        Assert.Equal($"You don't have a ride booked right now. {BookTheNeedle}", answer.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.AwaitingQuoteAnswer, answer.State.Step);
    }

    [Fact]
    public void LookupFailed_Aside_Apologises_AndTheSessionKeepsItsPlace()
    {
        var session = Sessions.At(SessionStep.AwaitingPinRetryAnswer);
        session.Send(new RideStatusAsked());

        var failed = session.Send(new LatestRideLookupFailed("BookingStoreUnavailableException"));

        Assert.Equal(
            "Sorry, I can't look up your ride right now. Please try again in a minute. Do you want to try again?",
            failed.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.AwaitingPinRetryAnswer, failed.State.Step);
    }

    [Fact]
    public async Task ConsentResumeArriving_AtTheCancelQuestion_IsTheConsentsAnswer_AndNothingIsCancelled()
    {
        var (session, provider) = await AtAsync(SessionStep.AwaitingConsent);
        var token = session.PendingToken;
        var asked = await session.SendAndRunAsync(new CancelRideAsked());
        Assert.Equal(SessionStep.AwaitingCancelAnswer, asked.State.Step);
        session.Rider = Riders.FullyGranted();

        var resumed = session.Send(new ConsentResolved(token, ConsentOutcome.Accepted));

        Assert.Equal(SessionStep.Quoting, resumed.State.Step);
        Assert.Null(resumed.State.RideToCancel);
        Assert.Null(resumed.State.InterruptedStep);
        Assert.Equal(0, provider.CancelCalls);
    }

    [Fact]
    public async Task ForeignResume_AtTheCancelQuestionAside_ChangesNothing()
    {
        var (session, _) = await AtAsync(SessionStep.AwaitingPin);
        await session.SendAndRunAsync(new CancelRideAsked());
        var before = session.State;

        var forged = session.Send(new PinResolved("pin.forged", PinVerification.Achieved, 400, true));

        Assert.Same(before, forged.State);
        Assert.Empty(forged.Commands);
    }

    [Fact]
    public async Task Status_AtTheCancelQuestion_TellsThatRide_AndAsksAgain()
    {
        var (session, _) = await AtAsync(SessionStep.AwaitingQuoteAnswer);
        await session.SendAndRunAsync(new CancelRideAsked());

        var status = await session.SendAndRunAsync(new RideStatusAsked());

        Assert.Equal($"{SamOnTheWay} Cancel your ride to the Space Needle with Sam?", status.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.AwaitingCancelAnswer, status.State.Step);
        Assert.Empty(status.Commands);
    }

    [Theory]
    [InlineData(SessionStep.Booking, "I'm still booking your ride. Please try again in a moment.")]
    [InlineData(SessionStep.Quoting, "I'm still getting a price for your ride. Please try again in a moment.")]
    [InlineData(SessionStep.CheckingRideStatus, "I'm still looking up your rides. Please try again in a moment.")]
    public void RideQuestion_WhileTheSessionWaitsOnWork_SaysWhatItIsDoing_AndLooksNothingUp(SessionStep step, string said)
    {
        var session = Sessions.At(step);
        var before = session.State;

        var status = session.Send(new RideStatusAsked());
        var cancel = session.Send(new CancelRideAsked());

        Assert.Equal(said, status.Reply!.Speech.ToPlainText());
        Assert.Equal(said, cancel.Reply!.Speech.ToPlainText());
        Assert.Same(before, status.State);
        Assert.Same(before, cancel.State);
        Assert.Empty(status.Commands.Concat(cancel.Commands));
    }

    [Fact]
    public async Task Stop_AtTheCancelQuestionAside_EndsTheSession_AndKeepsTheRide()
    {
        var (session, provider) = await AtAsync(SessionStep.AwaitingQuoteAnswer);
        await session.SendAndRunAsync(new CancelRideAsked());

        var stopped = session.Send(new Stop());

        Assert.Equal("Ok, I won't cancel it. Your ride is still booked.", stopped.Reply!.Speech.ToPlainText());
        Assert.True(stopped.State.IsFinished);
        Assert.Null(stopped.State.InterruptedStep);
        Assert.Equal(0, provider.CancelCalls);
    }
}
