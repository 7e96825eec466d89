using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>Steps 2 and 3: account linking first, then consent for exactly the scopes not yet readable.</summary>
public sealed class ConsentRequestTests
{
    [Fact]
    public void NotLinked_SendsLinkAccountCardAndEndsBeforeAskingConsent()
    {
        var session = new SessionDriver(rider: RiderFacts.None);

        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.IsType<AccountLinkingCard>(decision.Reply!.Card);
        Assert.Null(decision.Reply.Connection);
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        Assert.Contains("link your Ride Hailer account", decision.Reply.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Empty(decision.Commands);
        Assert.True(decision.State.IsFinished);
    }

    [Fact]
    public void NotLinkedButEverythingGranted_StillSendsLinkAccountCard()
    {
        var session = new SessionDriver(rider: Riders.FullyGranted() with { RiderId = null });

        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.IsType<AccountLinkingCard>(decision.Reply!.Card);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void EverythingGranted_CommandsQuoteWithoutReplyOrConsent()
    {
        var session = new SessionDriver(rider: Riders.FullyGranted());

        var decision = session.Send(new RideRequested("space needle", null));

        Assert.Null(decision.Reply);
        var quote = Assert.IsType<QuoteRide>(Assert.Single(decision.Commands));
        Assert.Equal("space-needle", quote.Destination.Id);
        Assert.Equal(Riders.Downtown, quote.Pickup.Point);
        Assert.Equal(SessionStep.Quoting, decision.State.Step);
    }

    [Fact]
    public void RecognisedSpeaker_AsksNameAndMobileAtPersonLevelAndLocationAtAccountLevel()
    {
        var session = new SessionDriver(rider: Riders.LinkedWithoutConsent(Riders.PersonId));

        var connection = Assert.IsType<ConsentConnectionRequest>(session.Send(new RideRequested("the space needle", null)).Reply!.Connection);

        Assert.Equal(
            [
                new ScopeRequest(RiderScope.GivenName, ConsentLevel.Person),
                new ScopeRequest(RiderScope.Geolocation, ConsentLevel.Account),
                new ScopeRequest(RiderScope.MobileNumber, ConsentLevel.Person),
            ],
            connection.Scopes);
    }

    [Fact]
    public void DeviceWithoutGeolocation_AsksForAddressAndSaysAddress()
    {
        var session = new SessionDriver(rider: Riders.LinkedWithoutConsent() with { SupportsGeolocation = false });

        var reply = session.Send(new RideRequested("the space needle", null)).Reply!;

        Assert.Equal(
            "Sure. I need access to your name, address, and mobile number so that I can find a ride for you.",
            reply.Speech.ToPlainText());
        Assert.Contains(
            new ScopeRequest(RiderScope.Address, ConsentLevel.Account),
            Assert.IsType<ConsentConnectionRequest>(reply.Connection).Scopes);
    }

    [Fact]
    public void NameAlreadyGranted_AsksOnlyForLocationAndMobileNumber()
    {
        var rider = Riders.LinkedWithoutConsent() with { GrantedScopes = [RiderScope.GivenName], GivenName = "Alex" };
        var session = new SessionDriver(rider: rider);

        var reply = session.Send(new RideRequested("the space needle", null)).Reply!;

        Assert.Equal(
            "Sure. I need access to your current location and mobile number so that I can find a ride for you.",
            reply.Speech.ToPlainText());
        Assert.Equal(
            [RiderScope.Geolocation, RiderScope.MobileNumber],
            Assert.IsType<ConsentConnectionRequest>(reply.Connection).Scopes.Select(s => s.Scope));
    }

    [Fact]
    public void OnlyMobileMissing_NamesOnlyTheMobileNumber()
    {
        var rider = Riders.FullyGranted() with { GrantedScopes = [RiderScope.GivenName, RiderScope.Geolocation] };
        var session = new SessionDriver(rider: rider);

        var reply = session.Send(new RideRequested("the space needle", null)).Reply!;

        Assert.Equal("Sure. I need access to your mobile number so that I can find a ride for you.", reply.Speech.ToPlainText());
    }

    [Fact]
    public void GrantedScopeRefusedByProfileApi_IsAskedAgain()
    {
        var rider = Riders.FullyGranted() with { RefusedScopes = [RiderScope.MobileNumber] };
        var session = new SessionDriver(rider: rider);

        var connection = Assert.IsType<ConsentConnectionRequest>(session.Send(new RideRequested("the space needle", null)).Reply!.Connection);

        Assert.Equal([RiderScope.MobileNumber], connection.Scopes.Select(s => s.Scope));
    }

    [Fact]
    public void GeolocationGrantedButNoLocationReported_AsksForTheAddressNotGeolocationAgain()
    {
        var session = new SessionDriver(rider: Riders.FullyGranted() with { Pickup = null });

        var reply = session.Send(new RideRequested("the space needle", null)).Reply!;

        Assert.Equal([RiderScope.Address], Assert.IsType<ConsentConnectionRequest>(reply.Connection).Scopes.Select(s => s.Scope));
        Assert.Equal("Sure. I need access to your address so that I can find a ride for you.", reply.Speech.ToPlainText());
    }

    [Fact]
    public void GeolocationNotGrantedButTheAddressRead_QuotesFromTheAddress()
    {
        var rider = Riders.FullyGranted() with
        {
            GrantedScopes = [RiderScope.GivenName, RiderScope.MobileNumber, RiderScope.Address],
            Pickup = Pickup.AtAddress("400 Broad St, Seattle, WA 98109", "Seattle"),
        };
        var session = new SessionDriver(rider: rider);

        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.Null(decision.Reply?.Connection);
        Assert.Equal(PickupSource.DeviceAddress, Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Pickup.Source);
    }

    [Fact]
    public void GeolocationDeniedAndNoAddress_AsksForTheCurrentLocation()
    {
        var rider = Riders.FullyGranted() with { Pickup = null, GrantedScopes = [RiderScope.GivenName, RiderScope.MobileNumber] };
        var session = new SessionDriver(rider: rider);

        var connection = Assert.IsType<ConsentConnectionRequest>(session.Send(new RideRequested("the space needle", null)).Reply!.Connection);

        Assert.Equal([RiderScope.Geolocation], connection.Scopes.Select(s => s.Scope));
    }

    [Fact]
    public void ConfiguredFullNameScope_IsTheNameScopeAskedFor()
    {
        var settings = ConversationSettings.Default with { NameScope = RiderScope.FullName };
        var session = new SessionDriver(settings, Riders.LinkedWithoutConsent());

        var connection = Assert.IsType<ConsentConnectionRequest>(session.Send(new RideRequested("the space needle", null)).Reply!.Connection);

        Assert.Equal(RiderScope.FullName, connection.Scopes[0].Scope);
    }

    [Fact]
    public void ConsentConnection_TokenIsRecordedAsPendingAndBuiltFromTheTurnNonce()
    {
        var session = new SessionDriver(rider: Riders.LinkedWithoutConsent());

        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.Equal("consent.nonce-1", decision.Reply!.Connection!.Token);
        Assert.Equal(new ConnectionToken(ConnectionKind.Consent, "nonce-1"), decision.State.PendingConnection);
        Assert.Equal(SessionStep.AwaitingConsent, decision.State.Step);
    }

    [Fact]
    public void AddressPickupWithoutGeolocation_QuotesFromYourAddress()
    {
        var rider = Riders.FullyGranted() with
        {
            SupportsGeolocation = false,
            GrantedScopes = [RiderScope.GivenName, RiderScope.Address, RiderScope.MobileNumber],
            Pickup = Pickup.AtAddress("410 Terry Ave N, Seattle", "Seattle"),
        };
        var session = new SessionDriver(rider: rider);

        var offer = session.OfferQuote(Quotes.SpaceNeedle(session.Now, pickup: rider.Pickup));

        Assert.StartsWith("A ride to the Space Needle from your address will cost", offer.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }
}
