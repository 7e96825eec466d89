using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Domain.FoundPlaces;

namespace RideHailer.Tests.Domain;

/// <summary>"Take me home": the device's address, found once a session with the place search, remembered.</summary>
public sealed class RideHomeTests
{
    private static RiderFacts WithHome => Riders.FullyGranted() with { HomeAddress = FoundPlaces.HomeAddress };

    [Fact]
    public void Home_IsTheDevicesFullAddressSearchedNearThePickup_AndQuoted()
    {
        var session = Searching(Home);

        var decision = session.Send(new RideHomeRequested());

        var search = Assert.Single(session.Searches);
        Assert.True(search.Home);
        Assert.Equal(new PlaceQuery(FoundPlaces.HomeAddress, null, Riders.Downtown), search.Query);
        Assert.Equal(Home, Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination);
        Assert.Equal(Home, decision.State.Home);
    }

    [Fact]
    public async Task Home_IsSearchedOnceASession_AndSpokenInItsShortForm()
    {
        var session = Searching(Home);
        var offer = await session.SendAndRunAsync(new RideHomeRequested());

        var again = session.Send(new RideHomeRequested());
        session.NewSession();
        session.Send(new RideHomeRequested());

        Assert.StartsWith("A ride to 5300 Ballard Avenue Northwest from your current location will cost", offer.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(offer.Reply.Speech.ToPlainText(), again.Reply!.Speech.ToPlainText());
        Assert.Equal(2, session.Searches.Count);
    }

    [Fact]
    public void SeveralPlacesFoundForHome_TheBestIsHome_NeverAChoice()
    {
        var session = Searching(Home, BroadStreetEverett);

        var decision = session.Send(new RideHomeRequested());

        Assert.Equal(Home, Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination);
    }

    [Fact]
    public void PickedUpWithin150MetresOfHome_IsAlreadyHome()
    {
        var nearHome = new GeoPoint(Home.Location.Latitude + 0.001, Home.Location.Longitude);
        Assert.InRange(nearHome.KilometresTo(Home.Location), 0.1, 0.15);
        var session = Searching(Home);
        session.Rider = WithHome with { Pickup = Pickup.AtGeolocation(nearHome) };

        var decision = session.Send(new RideHomeRequested());

        Assert.Equal("You're already at home. Where would you like to go?", decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
        Assert.Equal(SessionStep.AwaitingDestination, decision.State.Step);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void PickedUpAtTheDevicesAddress_IsAlreadyHome()
    {
        var session = Searching(Home);
        session.Rider = WithHome with { Pickup = Pickup.AtAddress(FoundPlaces.HomeAddress, "Seattle") };

        var decision = session.Send(new RideHomeRequested());

        Assert.StartsWith("You're already at home.", decision.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void PickedUpAKilometreAway_IsNotHome()
    {
        var session = Searching(Home);
        session.Rider = WithHome with { Pickup = Pickup.AtGeolocation(new GeoPoint(Home.Location.Latitude + 0.01, Home.Location.Longitude)) };

        var decision = session.Send(new RideHomeRequested());

        Assert.IsType<QuoteRide>(Assert.Single(decision.Commands));
    }

    [Fact]
    public void NoAddress_SaysWhereHomeComesFromAndAsksWhereTo()
    {
        var session = Searching(Home);
        session.Rider = Riders.FullyGranted();

        var decision = session.Send(new RideHomeRequested());

        Assert.Equal(
            "I don't know where home is. Ride Hailer takes you to this device's address, which you can set and share in the Alexa app. Where would you like to go?",
            decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
        Assert.Empty(session.Searches);
    }

    [Fact]
    public void AddressUnreachable_IsAnOutageNotAMissingAddress()
    {
        var session = Searching(Home);
        session.Rider = Riders.FullyGranted() with { UnreachableScopes = [RiderScope.Address] };

        var decision = session.Send(new RideHomeRequested());

        Assert.StartsWith("Sorry, I can't reach your Amazon profile right now", decision.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.EndsWith("Where would you like to go?", decision.Reply.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Empty(session.Searches);
    }

    [Fact]
    public void NotLinked_AsksToLinkTheAccount()
    {
        var session = Searching(Home);
        session.Rider = RiderFacts.None;

        var decision = session.Send(new RideHomeRequested());

        Assert.IsType<AccountLinkingCard>(decision.Reply!.Card);
        Assert.True(decision.State.IsFinished);
    }

    [Fact]
    public void HomeNotFound_OrTheSearchFailed_AsksWhereTo()
    {
        var session = Searching();
        var notFound = session.Send(new RideHomeRequested());
        ((FakePlaceSearch)session.Places).Failure = new HttpRequestException();
        var failed = session.Send(new RideHomeRequested());

        Assert.Equal("I couldn't find this device's address. Where would you like to go?", notFound.Reply!.Speech.ToPlainText());
        Assert.Equal("I can't look up places right now. Where would you like to go?", failed.Reply!.Speech.ToPlainText());
        Assert.Null(failed.State.Home);
        Assert.Equal(SessionStep.AwaitingDestination, failed.State.Step);
    }

    private static SessionDriver Searching(params Place[] found) => new(rider: WithHome) { Places = new FakePlaceSearch(found) };
}
