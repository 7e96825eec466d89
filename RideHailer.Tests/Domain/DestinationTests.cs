using RideHailer.Domain;
using RideHailer.Domain.Replies;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>Step 1: launch, one-shot requests, and destinations that are not understood.</summary>
public sealed class DestinationTests
{
    [Fact]
    public void Launch_WelcomesAndAsksWhereToWithReprompt()
    {
        var decision = new SessionDriver().Send(new Launch());

        Assert.Equal("Welcome to Ride Hailer. Where would you like to go?", decision.Reply!.Speech.ToPlainText());
        Assert.Equal("Where would you like to go?", decision.Reply.Reprompt!.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
        Assert.Equal(SessionStep.AwaitingDestination, decision.State.Step);
    }

    [Fact]
    public void OneShotRequest_SkipsTheWelcomeAndGoesStraightToConsent()
    {
        var session = new SessionDriver(rider: Riders.LinkedWithoutConsent());

        var decision = session.Send(new RideRequested("the Space Needle", null));

        Assert.DoesNotContain("Welcome", decision.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.IsType<ConsentConnectionRequest>(decision.Reply.Connection);
    }

    [Fact]
    public void UnknownPlace_SaysWhichPlaceWasNotUnderstoodAndAsksAgain()
    {
        var session = new SessionDriver();
        session.Send(new Launch());

        var decision = session.Send(new RideRequested("Narnia", null));

        Assert.Equal("I couldn't find Narnia. Where would you like to go?", decision.Reply!.Speech.ToPlainText());
        Assert.Equal("Where would you like to go?", decision.Reply.Reprompt!.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
        Assert.Equal(1, decision.State.DestinationMisses);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void MissingDestination_AsksAgain()
    {
        var decision = new SessionDriver().Send(new RideRequested(null, null));

        Assert.Equal("Sorry, I didn't catch where you want to go. Where would you like to go?", decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.AwaitingDestination, decision.State.Step);
    }

    [Fact]
    public void ThirdMiss_EndsPolitely()
    {
        var session = new SessionDriver();
        session.Send(new RideRequested("Narnia", null));
        session.Send(new Fallback());

        var decision = session.Send(new RideRequested("Atlantis", null));

        Assert.Equal(
            "Sorry, I still couldn't find that place. You can ask for places like the Space Needle or the airport. Thank you for using Ride Hailer.",
            decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        Assert.True(decision.State.IsFinished);
    }

    [Fact]
    public void ThreeSentencesNotUnderstood_EndWithWhatRideHailerDoesAndHowToAsk()
    {
        var session = new SessionDriver();
        session.Send(new Fallback());
        session.Send(new Fallback());

        var decision = session.Send(new Fallback());

        Assert.Equal(
            "Sorry, I still didn't understand. Ride Hailer books rides: open it again and say where you want to go, "
            + "like take me to the Space Needle. Thank you for using Ride Hailer.",
            decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
    }

    [Fact]
    public void ThreeRideRequestsWithNoPlace_EndAskingForThePlaceWithTheRequest()
    {
        var session = new SessionDriver();
        session.Send(new RideRequested(null, null));
        session.Send(new Fallback());

        var decision = session.Send(new RideRequested(null, null));

        Assert.StartsWith(
            "Sorry, I still didn't catch where you want to go. Next time, say the place with your request, like a ride to the airport.",
            decision.Reply!.Speech.ToPlainText(),
            StringComparison.Ordinal);
        Assert.True(decision.State.IsFinished);
    }

    [Fact]
    public void MaxDestinationMissesSetting_IsHonoured()
    {
        var session = new SessionDriver(ConversationSettings.Default with { MaxDestinationMisses = 1 });

        Assert.True(session.Send(new RideRequested("Narnia", null)).State.IsFinished);
    }

    [Fact]
    public void TwoMissesThenAKnownPlace_Continues()
    {
        var session = new SessionDriver();
        session.Send(new RideRequested("Narnia", null));
        session.Send(new RideRequested("Atlantis", null));

        var decision = session.Send(new RideRequested("the airport", null));

        var quote = Assert.IsType<QuoteRide>(Assert.Single(decision.Commands));
        Assert.Equal("seattle-tacoma-international-airport", quote.Destination.Id);
    }

    [Fact]
    public void ResolvedPlaceId_WinsOverTheSpokenText()
    {
        var decision = new SessionDriver().Send(new RideRequested("the needle thing", "space-needle"));

        Assert.Equal("space-needle", Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination.Id);
    }

    [Fact]
    public void UnknownPlaceIdWithKnownText_MatchesTheText()
    {
        var decision = new SessionDriver().Send(new RideRequested("Pike Place Market", "no-such-id"));

        Assert.Equal("pike-place-market", Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination.Id);
    }

    [Fact]
    public void NoToWhereTo_EndsPolitely()
    {
        var session = new SessionDriver();
        session.Send(new Launch());

        var decision = session.Send(new No());

        Assert.Equal("Ok. Thank you for using Ride Hailer.", decision.Reply!.Speech.ToPlainText());
        Assert.True(decision.State.IsFinished);
    }

    [Fact]
    public void NewDestinationWhileQuoteIsOffered_StartsOverWithTheNewPlace()
    {
        var session = new SessionDriver();
        session.OfferQuote();

        var decision = session.Send(new RideRequested("the zoo", null));

        Assert.Equal("woodland-park-zoo", Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination.Id);
        Assert.Null(decision.State.Quote);
    }
}
