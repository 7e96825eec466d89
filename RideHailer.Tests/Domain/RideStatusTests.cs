using RideHailer.Domain;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Alexa.Render;
using RideHailer.Skill.Alexa.Render.Responses;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Domain.Rides;

namespace RideHailer.Tests.Domain;

/// <summary>"Where is my ride": the rider's latest ride in any session, as it stands, refreshed from the provider when stale.</summary>
public sealed class RideStatusTests
{
    private const string NoRide = "You don't have a ride booked right now. Where would you like to go?";

    [Fact]
    public async Task Accepted_SaysTheDriverTheMinutesTheCarAndThePlateCharacterByCharacter()
    {
        var (session, provider) = Session();
        await BookedAsync(session, TimeSpan.FromMinutes(1), Report(session, RideStatus.Accepted, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(4)));

        var answer = await session.SendAndRunAsync(new RideStatusAsked());

        Assert.Equal("Sam is four minutes away in a silver Toyota Prius, plate B X K 4 8 2 1.", answer.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, answer.Reply.Session);
        Assert.Equal(0, provider.StatusCalls);
        var ssml = Assert.IsType<SsmlSpeech>(ReplyRenderer.Speak(answer.Reply.Speech, Spoken.English));
        Assert.Equal(
            "<speak>Sam is four minutes away in a silver Toyota Prius, plate <say-as interpret-as=\"characters\">BXK4821</say-as>.</speak>",
            ssml.Ssml);
    }

    [Theory]
    [InlineData(RideStatus.Arriving, "Sam is arriving now.")]
    [InlineData(RideStatus.InProgress, "You're on your way to the Space Needle.")]
    [InlineData(RideStatus.RiderCanceled, "Your last ride was cancelled.")]
    [InlineData(RideStatus.DriverCanceled, "Your last ride was cancelled.")]
    [InlineData(RideStatus.NoDriversAvailable, "Sorry, no driver could be found for your last ride.")]
    [InlineData(RideStatus.Processing, "I'm still finding a driver for your ride.")]
    public async Task EachReportedState_IsToldAsItIs(RideStatus status, string said)
    {
        var (session, _) = Session();
        await BookedAsync(session, TimeSpan.FromMinutes(5), Report(session, status, TimeSpan.FromSeconds(10)));

        var answer = await session.SendAndRunAsync(new RideStatusAsked());

        Assert.Equal(said, answer.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.Ended, answer.State.Step);
    }

    [Fact]
    public async Task Completed_IsNoRide_AndTheSessionGoesOnToTheBooking()
    {
        var (session, _) = Session();
        await BookedAsync(session, TimeSpan.FromMinutes(40), Report(session, RideStatus.Completed, TimeSpan.FromMinutes(5)));

        var answer = await session.SendAndRunAsync(new RideStatusAsked());

        Assert.Equal(NoRide, answer.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, answer.Reply.Session);
    }

    [Fact]
    public async Task NoRideAtAll_AsksWhereTo_AndTheNextPlaceIsQuotedAsUsual()
    {
        var (session, _) = Session();

        var answer = await session.SendAndRunAsync(new RideStatusAsked());
        var offer = await session.SendAndRunAsync(new RideRequested("the space needle", null));

        Assert.Equal(NoRide, answer.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.AwaitingDestination, answer.State.Step);
        Assert.Equal(0, answer.State.DestinationMisses);
        Assert.Equal(SessionStep.AwaitingQuoteAnswer, offer.State.Step);
        Assert.StartsWith("A ride to the Space Needle", offer.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingReportedYet_IsToldFromTheDispatchAndItsEta_WhenTheProviderCannotSay()
    {
        var (session, provider) = Session();
        await BookedAsync(session, TimeSpan.FromMinutes(2));

        var answer = await session.SendAndRunAsync(new RideStatusAsked());

        Assert.Equal("Sam is six minutes away in a silver Toyota Prius, plate B X K 4 8 2 1.", answer.Reply!.Speech.ToPlainText());
        Assert.Equal(1, provider.StatusCalls);
    }

    [Theory]
    [InlineData(7.5, "Sam is arriving now.")]
    [InlineData(9, "You're on your way to the Space Needle.")]
    public async Task NothingReportedYet_FollowsTheEta(double bookedMinutesAgo, string said)
    {
        var (session, _) = Session();
        await BookedAsync(session, TimeSpan.FromMinutes(bookedMinutesAgo));

        var answer = await session.SendAndRunAsync(new RideStatusAsked());

        Assert.Equal(said, answer.Reply!.Speech.ToPlainText());
    }

    [Fact]
    public async Task StaleStatus_IsAskedOfTheProviderAndRecorded_BeforeTheAnswer()
    {
        var (session, provider) = Session();
        await BookedAsync(session, TimeSpan.FromMinutes(6), Report(session, RideStatus.Accepted, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(5)));
        provider.Status = (rideId, now) => new RideProgress(RideStatus.Arriving, null, TimeSpan.FromSeconds(30), 2, now);

        var answer = await session.SendAndRunAsync(new RideStatusAsked());

        Assert.Equal("Sam is arriving now.", answer.Reply!.Speech.ToPlainText());
        Assert.Equal(1, provider.StatusCalls);
        Assert.Equal(RideStatus.Arriving, (await StoredProgressAsync(session))?.Status);
    }

    [Fact]
    public async Task FreshStatus_IsNotAskedOfTheProvider()
    {
        var (session, provider) = Session();
        await BookedAsync(session, TimeSpan.FromMinutes(6), Report(session, RideStatus.Arriving, TimeSpan.FromSeconds(50)));
        provider.Status = (rideId, now) => new RideProgress(RideStatus.InProgress, null, null, 2, now);

        var answer = await session.SendAndRunAsync(new RideStatusAsked());

        Assert.Equal("Sam is arriving now.", answer.Reply!.Speech.ToPlainText());
        Assert.Equal(0, provider.StatusCalls);
    }

    [Fact]
    public async Task StaleStatus_ProviderUnreachable_IsToldFromTheStoredStatus()
    {
        var (session, provider) = Session();
        await BookedAsync(session, TimeSpan.FromMinutes(6), Report(session, RideStatus.InProgress, TimeSpan.FromMinutes(3)));
        provider.Unreachable = true;

        var answer = await session.SendAndRunAsync(new RideStatusAsked());

        Assert.Equal("You're on your way to the Space Needle.", answer.Reply!.Speech.ToPlainText());
        Assert.Equal(1, provider.StatusCalls);
        Assert.Equal(RideStatus.InProgress, (await StoredProgressAsync(session))?.Status);
    }

    [Fact]
    public void StatusQuestion_LooksUpTheLinkedRidersLatestRide()
    {
        var (session, _) = Session();

        var decision = session.Send(new RideStatusAsked());

        Assert.Null(decision.Reply);
        Assert.Equal(new FindLatestRide(Riders.RiderId), Assert.Single(decision.Commands));
        Assert.Equal(SessionStep.CheckingRideStatus, decision.State.Step);
    }

    [Fact]
    public void StatusQuestion_NotLinked_AsksToLinkTheAccount()
    {
        var session = new SessionDriver(rider: RiderFacts.None);

        var decision = session.Send(new RideStatusAsked());

        Assert.Empty(decision.Commands);
        Assert.Equal(Spoken.Line(Phrase.LinkAccount), decision.Reply!.Speech.ToPlainText());
        Assert.IsType<AccountLinkingCard>(decision.Reply.Card);
    }

    [Fact]
    public void LookupFailed_ClaimsNothingAboutTheRide()
    {
        var (session, _) = Session();
        session.Send(new RideStatusAsked());

        var decision = session.Send(new LatestRideLookupFailed("BookingStoreUnavailableException"));

        Assert.Equal("Sorry, I can't look up your ride right now. Please try again in a minute.", decision.Reply!.Speech.ToPlainText());
    }

    [Fact]
    public void LatestRideFound_WhenNotAsked_ChangesNothing()
    {
        var (session, _) = Session();
        session.Send(new Launch());
        var before = session.State;

        var decision = session.Send(new LatestRideFound(Quotes.EarlierRide(session.Now)));

        Assert.Equal(before, decision.State);
        Assert.StartsWith(Spoken.Line(Phrase.NotExpected), decision.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }
}
