using RideHailer.Domain;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Domain.Rides;

namespace RideHailer.Tests.Domain;

/// <summary>"Cancel my ride": asked first, naming the ride and any fee; only a yes cancels, and a ride is cancelled once.</summary>
public sealed class CancelRideTests
{
    private const string Unreachable = "Ride Hailer can't reach the ride service right now. Please try again in a minute.";

    private static async Task<(SessionDriver Session, Support.Rides.ScriptedRideProvider Provider)> OnItsWayAsync(Money? fee = null)
    {
        var (session, provider) = Session();
        provider.Fee = fee;
        await BookedAsync(session, TimeSpan.FromMinutes(3), Report(session, RideStatus.Accepted, TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(2)));
        return (session, provider);
    }

    [Fact]
    public async Task WithFee_AsksNamingTheRideAndTheFee_AndYesCancelsAcceptingThatFee()
    {
        var (session, provider) = await OnItsWayAsync(new Money(5m, "USD"));

        var asked = await session.SendAndRunAsync(new CancelRideAsked());
        var cancelsBeforeYes = provider.CancelCalls;
        var yes = await session.SendAndRunAsync(new Yes());

        Assert.Equal(
            "Cancel your ride to the Space Needle with Sam? There's a five dollar cancellation fee now that your driver is close.",
            asked.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, asked.Reply.Session);
        Assert.Equal(SessionStep.AwaitingCancelAnswer, asked.State.Step);
        Assert.Equal(0, cancelsBeforeYes);
        Assert.Equal("Ok, I cancelled your ride to the Space Needle. You'll be charged a five dollar cancellation fee.", yes.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.Ended, yes.State.Step);
        Assert.Equal((RideId, "cancel-" + BookingKey, new Money(5m, "USD")), Assert.Single(provider.Cancels));
        var stored = await StoredProgressAsync(session);
        Assert.Equal(RideStatus.RiderCanceled, stored?.Status);
        Assert.Equal(long.MaxValue, stored?.Sequence);
    }

    [Fact]
    public async Task Free_AsksWithoutAFee_AndYesCancelsConfirmingNone()
    {
        var (session, provider) = await OnItsWayAsync();

        var asked = await session.SendAndRunAsync(new CancelRideAsked());
        var yes = await session.SendAndRunAsync(new Yes());

        Assert.Equal("Cancel your ride to the Space Needle with Sam?", asked.Reply!.Speech.ToPlainText());
        Assert.Equal("Ok, I cancelled your ride to the Space Needle.", yes.Reply!.Speech.ToPlainText());
        Assert.Null(Assert.Single(provider.Cancels).ConfirmedFee);
    }

    [Fact]
    public async Task No_KeepsTheRide_AndALaterYesInAnotherSessionCancelsIt()
    {
        var (session, provider) = await OnItsWayAsync();
        await session.SendAndRunAsync(new CancelRideAsked());

        var no = await session.SendAndRunAsync(new No());
        var afterNo = provider.CancelCalls;
        session.NewSession();
        await session.SendAndRunAsync(new CancelRideAsked());
        var yes = await session.SendAndRunAsync(new Yes());

        Assert.Equal("Ok, I won't cancel it. Your ride is still booked.", no.Reply!.Speech.ToPlainText());
        Assert.Equal(0, afterNo);
        Assert.Equal("Ok, I cancelled your ride to the Space Needle.", yes.Reply!.Speech.ToPlainText());
        Assert.Equal(1, provider.CancelCalls);
    }

    [Fact]
    public async Task CancelTwice_CallsTheProviderOnce_AndTheSecondHearsItIsAlreadyCancelled()
    {
        var (session, provider) = await OnItsWayAsync();
        await session.SendAndRunAsync(new CancelRideAsked());
        await session.SendAndRunAsync(new Yes());

        session.NewSession();
        var again = await session.SendAndRunAsync(new CancelRideAsked());
        session.NewSession();
        var status = await session.SendAndRunAsync(new RideStatusAsked());

        Assert.Equal("Your ride is already cancelled.", again.Reply!.Speech.ToPlainText());
        Assert.Equal(1, provider.CancelCalls);
        Assert.Equal(1, provider.FeeCalls);
        Assert.Equal("Your last ride was cancelled.", status.Reply!.Speech.ToPlainText());
    }

    [Fact]
    public async Task CancelRideReplayed_AfterTheBookingRecordsTheCancel_DoesNotCallTheProviderAgain()
    {
        var (session, provider) = await OnItsWayAsync();
        await session.SendAndRunAsync(new CancelRideAsked());
        var cancel = Assert.IsType<CancelRide>(session.Send(new Yes()).Commands.Single());
        var first = await new Skill.Workflow.CancelRideActivity(session.Store, provider).RunAsync(new(cancel, session.Now), CancellationToken.None);

        var replayed = await new Skill.Workflow.CancelRideActivity(session.Store, provider).RunAsync(new(cancel, session.Now), CancellationToken.None);

        Assert.Equal(RideStatus.RiderCanceled, first.Status);
        Assert.Equal(RideStatus.RiderCanceled, replayed.Status);
        Assert.Equal(1, provider.CancelCalls);
    }

    [Theory]
    [InlineData(RideStatus.Completed, "You don't have a ride booked right now. Where would you like to go?")]
    [InlineData(RideStatus.DriverCanceled, "Your last ride was cancelled.")]
    [InlineData(RideStatus.NoDriversAvailable, "Sorry, no driver could be found for your last ride.")]
    [InlineData(RideStatus.InProgress, "Your ride has already started, so it can't be cancelled.")]
    public async Task RideThatEndedOrStarted_IsNotCancelled_AndTheProviderIsNotAsked(RideStatus status, string said)
    {
        var (session, provider) = Session();
        await BookedAsync(session, TimeSpan.FromMinutes(20), Report(session, status, TimeSpan.FromSeconds(10)));

        var answer = await session.SendAndRunAsync(new CancelRideAsked());

        Assert.Equal(said, answer.Reply!.Speech.ToPlainText());
        Assert.Equal(0, provider.FeeCalls);
        Assert.Equal(0, provider.CancelCalls);
    }

    [Fact]
    public async Task NoRide_IsAnsweredAsTheStatusIs()
    {
        var (session, provider) = Session();

        var answer = await session.SendAndRunAsync(new CancelRideAsked());

        Assert.Equal("You don't have a ride booked right now. Where would you like to go?", answer.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.AwaitingDestination, answer.State.Step);
        Assert.Equal(0, provider.FeeCalls);
    }

    [Theory]
    [MemberData(nameof(StopTurns))]
    public async Task AmazonCancelOrStop_AtTheQuestion_KeepsTheRide(Turn turn)
    {
        var (session, provider) = await OnItsWayAsync(new Money(5m, "USD"));
        await session.SendAndRunAsync(new CancelRideAsked());

        var stopped = await session.SendAndRunAsync(turn);

        Assert.Equal("Ok, I won't cancel it. Your ride is still booked.", stopped.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.Ended, stopped.State.Step);
        Assert.Equal(0, provider.CancelCalls);
        Assert.Equal(RideStatus.Accepted, (await StoredProgressAsync(session))?.Status);
    }

    [Theory]
    [MemberData(nameof(StopTurns))]
    public async Task AmazonCancelOrStop_AloneNeverCancelsARide(Turn turn)
    {
        var (session, provider) = await OnItsWayAsync();

        var stopped = await session.SendAndRunAsync(turn);

        Assert.Equal(Spoken.Line(Phrase.Goodbye), stopped.Reply!.Speech.ToPlainText());
        Assert.DoesNotContain(session.CommandsIssued, command => command is FindLatestRide or CancelRide);
        Assert.Equal(0, provider.FeeCalls + provider.CancelCalls);
    }

    public static TheoryData<Turn> StopTurns => [new Dismiss(), new Stop()];

    [Fact]
    public async Task Help_AtTheQuestion_SaysWhatToAnswerAndAsksAgain()
    {
        var (session, _) = await OnItsWayAsync();
        await session.SendAndRunAsync(new CancelRideAsked());

        var help = await session.SendAndRunAsync(new Help());

        Assert.Equal("Say yes to cancel your ride, or no to keep it. Cancel your ride to the Space Needle with Sam?", help.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.AwaitingCancelAnswer, help.State.Step);
    }

    [Fact]
    public async Task ProviderUnreachable_ForTheFee_ApologisesAndCancelsNothing()
    {
        var (session, provider) = await OnItsWayAsync();
        provider.Unreachable = true;

        var answer = await session.SendAndRunAsync(new CancelRideAsked());

        Assert.Equal(Unreachable, answer.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.Ended, answer.State.Step);
        Assert.Equal(0, provider.CancelCalls);
    }

    [Fact]
    public async Task ProviderUnreachable_ForTheCancel_ApologisesAndTheRideStaysBooked()
    {
        var (session, provider) = await OnItsWayAsync();
        await session.SendAndRunAsync(new CancelRideAsked());
        provider.Unreachable = true;

        var yes = await session.SendAndRunAsync(new Yes());

        Assert.Equal(Unreachable, yes.Reply!.Speech.ToPlainText());
        Assert.Equal(RideStatus.Accepted, (await StoredProgressAsync(session))?.Status);
    }

    [Fact]
    public void ProviderSaysNo_ToTheCancel_SaysItCouldNotCancel()
    {
        var (session, _) = Session();
        session.State = session.State with
        {
            Step = SessionStep.CancellingRide,
            RideToCancel = Quotes.EarlierRide(session.Now),
        };

        var decision = session.Send(new RideCancelFailed("RideUnavailableException", Unreachable: false));

        Assert.Equal("Sorry, I couldn't cancel your ride. It's still booked.", decision.Reply!.Speech.ToPlainText());
    }
}
