using RideHailer.Domain;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>A rider whose ride is still on its way is asked before a second one is quoted; only "yes" goes on.</summary>
public sealed class SecondRideTests
{
    private const string AskedAboutSpaceNeedle = "You already have a ride to the Space Needle arriving in four minutes. Do you want another one?";

    /// <summary>What the edge sends with a "yes": the rider id, no profile read.</summary>
    private static readonly RiderFacts YesTurnFacts = new() { RiderId = Riders.RiderId, SupportsGeolocation = true };

    private static SessionDriver AskedAboutEarlierRide(RiderFacts? rider = null, string destination = "the space needle")
    {
        var session = new SessionDriver(rider: rider) { LookupAnswer = new ActiveRideFound(Quotes.EarlierRide(SessionDriver.Noon)) };
        var asked = session.Send(new RideRequested(destination, null));
        Assert.Equal(SessionStep.AwaitingSecondRideAnswer, asked.State.Step);
        return session;
    }

    [Fact]
    public void RideRequest_LinkedRider_LooksUpTheirRideOnItsWayBeforeAnythingElse()
    {
        var session = new SessionDriver();

        var decision = session.Decide(new RideRequested("the space needle", null));

        Assert.Null(decision.Reply);
        Assert.Equal(new FindActiveRide(Riders.RiderId), Assert.Single(decision.Commands));
        Assert.Equal(SessionStep.CheckingActiveRide, decision.State.Step);
        Assert.Equal(Riders.FullyGranted(), decision.State.PendingRider);
    }

    [Fact]
    public void NoActiveRide_GrantedRider_IsQuotedExactlyAsWithoutTheCheck()
    {
        var session = new SessionDriver();
        session.Decide(new RideRequested("the space needle", null));

        var decision = session.Decide(new NoActiveRide());

        Assert.Null(decision.Reply);
        var quote = Assert.IsType<QuoteRide>(Assert.Single(decision.Commands));
        Assert.Equal("space-needle", quote.Destination.Id);
        Assert.Equal(Riders.Downtown, quote.Pickup.Point);
        Assert.Equal(SessionStep.Quoting, decision.State.Step);
        Assert.Equal(new Passenger(Riders.RiderId, null, Riders.GivenName, Riders.MobileNumber), decision.State.Passenger);
        Assert.Null(decision.State.PendingRider);
        Assert.True(decision.State.ActiveRideChecked);
    }

    [Fact]
    public void NoActiveRide_RiderWithoutConsent_IsAskedForConsent()
    {
        var session = new SessionDriver(rider: Riders.LinkedWithoutConsent());

        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.Equal("Sure. I need access to your name, current location, and mobile number so that I can find a ride for you.", decision.Reply!.Speech.ToPlainText());
        Assert.IsType<ConsentConnectionRequest>(decision.Reply.Connection);
        Assert.Equal(SessionStep.AwaitingConsent, decision.State.Step);
        Assert.Single(session.Lookups);
    }

    [Fact]
    public void LookupFailed_DoesNotBlockTheRider_TheyAreQuotedAsIfNoRideWereOnItsWay()
    {
        var session = new SessionDriver { LookupAnswer = new ActiveRideLookupFailed("BookingStoreUnavailableException") };

        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.Equal("space-needle", Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination.Id);
        Assert.Equal(SessionStep.Quoting, decision.State.Step);
    }

    [Fact]
    public void RideRequest_UnlinkedRider_IsToldToLinkAndNothingIsLookedUp()
    {
        var session = new SessionDriver(rider: RiderFacts.None);

        var decision = session.Decide(new RideRequested("the space needle", null));

        Assert.IsType<AccountLinkingCard>(decision.Reply!.Card);
        Assert.Empty(decision.Commands);
        Assert.Empty(session.Lookups);
    }

    [Theory]
    [InlineData(4, "four minutes")]
    [InlineData(0, "eight minutes")]
    [InlineData(7.5, "one minute")]
    public void ActiveRide_IsToldWithItsDestinationAndMinutesUntilTheDriverIsDue(double bookedMinutesAgo, string minutes)
    {
        var session = new SessionDriver();
        session.Decide(new RideRequested("the airport", null));

        var decision = session.Decide(new ActiveRideFound(Quotes.EarlierRide(session.Now, TimeSpan.FromMinutes(bookedMinutesAgo))));

        Assert.Equal($"You already have a ride to the Space Needle arriving in {minutes}. Do you want another one?", decision.Reply!.Speech.ToPlainText());
        Assert.Equal("Do you want another ride to Seattle-Tacoma International Airport?", decision.Reply.Reprompt!.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
        Assert.Empty(decision.Commands);
        Assert.Equal(SessionStep.AwaitingSecondRideAnswer, decision.State.Step);
        Assert.Equal(Riders.FullyGranted(), decision.State.PendingRider);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(45)]
    public void ActiveRideWhoseDriverIsDueByNow_IsNoReasonToAsk(int bookedMinutesAgo)
    {
        var session = new SessionDriver { LookupAnswer = new ActiveRideFound(Quotes.EarlierRide(SessionDriver.Noon, TimeSpan.FromMinutes(bookedMinutesAgo))) };

        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.Null(decision.Reply);
        Assert.IsType<QuoteRide>(Assert.Single(decision.Commands));
    }

    [Fact]
    public async Task Yes_QuotesWithTheRideRequestsFacts_ThoughTheYesCarriesNone()
    {
        var session = AskedAboutEarlierRide();
        session.Rider = YesTurnFacts;

        var offer = await session.SendAndRunAsync(new Yes());

        Assert.StartsWith("A ride to the Space Needle from your current location will cost ", offer.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(Riders.Downtown, offer.State.Quote!.Pickup.Point);
        Assert.Equal(new Passenger(Riders.RiderId, null, Riders.GivenName, Riders.MobileNumber), offer.State.Passenger);
        Assert.Null(offer.State.PendingRider);
        Assert.Null(offer.State.ActiveRide);
    }

    [Fact]
    public async Task Yes_ThenQuoteAndPin_BooksTheSecondRideOnceAndNeverLooksAgain()
    {
        var session = AskedAboutEarlierRide();
        session.Rider = YesTurnFacts;
        await session.SendAndRunAsync(new Yes());
        session.Rider = Riders.FullyGranted();
        session.Send(new RideRequested("pike place market", null));
        await session.SendAndRunAsync(new QuoteReady(Quotes.SpaceNeedle(session.Now, "q-pike") with { Destination = Place("pike-place-market") }));

        Assert.Equal("Ok, Alex.", session.Send(new Yes()).Reply!.Speech.ToPlainText());
        var booked = await session.SendAndRunAsync(new PinResolved(session.PendingToken, PinVerification.Achieved, 400, true));

        Assert.StartsWith("Great. Your driver will arrive in ", booked.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(Riders.MobileNumber, Assert.Single(session.Store.All).Passenger.MobileNumber);
        Assert.Single(session.CommandsIssued.OfType<BookRide>());
        Assert.Single(session.Lookups);
    }

    [Fact]
    public void Yes_RiderWithoutConsent_IsAskedForConsentFirst()
    {
        var session = AskedAboutEarlierRide(Riders.LinkedWithoutConsent());
        session.Rider = YesTurnFacts;

        var decision = session.Send(new Yes());

        var connection = Assert.IsType<ConsentConnectionRequest>(decision.Reply!.Connection);
        Assert.Equal(Riders.AllScopes, connection.Scopes.Select(scope => scope.Scope));
        Assert.Equal(SessionStep.AwaitingConsent, decision.State.Step);
        Assert.Null(decision.State.PendingRider);
    }

    [Fact]
    public void No_EndsPolitelyWithoutBookingAndLetsTheRidersFactsGo()
    {
        var session = AskedAboutEarlierRide();

        var decision = session.Send(new No());

        Assert.Equal("Ok, I won't book another ride. Your driver is on the way.", decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        Assert.Empty(decision.Commands);
        Assert.Equal(SessionStep.Ended, decision.State.Step);
        Assert.Null(decision.State.PendingRider);
        Assert.Null(decision.State.ActiveRide);
        Assert.Empty(session.CommandsIssued);
    }

    [Fact]
    public void AnotherPlace_WhileAsked_AsksAgainForThatPlace_AndYesQuotesIt()
    {
        var session = AskedAboutEarlierRide();
        var elsewhere = Pickup.AtGeolocation(new GeoPoint(47.6205, -122.3493));
        session.Rider = Riders.FullyGranted() with { Pickup = elsewhere };

        var again = session.Send(new RideRequested("pike place market", null));
        session.Rider = YesTurnFacts;
        var yes = session.Send(new Yes());

        Assert.Equal(AskedAboutSpaceNeedle, again.Reply!.Speech.ToPlainText());
        Assert.Equal("Do you want another ride to Pike Place Market?", again.Reply.Reprompt!.ToPlainText());
        Assert.Empty(again.Commands);
        var quote = Assert.IsType<QuoteRide>(Assert.Single(yes.Commands));
        Assert.Equal("pike-place-market", quote.Destination.Id);
        Assert.Equal(elsewhere, quote.Pickup);
        Assert.Single(session.Lookups);
    }

    [Fact]
    public void AnotherPlace_AfterTheEarlierRideArrived_GoesOnWithoutAsking()
    {
        var session = AskedAboutEarlierRide();
        session.Now += TimeSpan.FromMinutes(5);

        var decision = session.Send(new RideRequested("pike place market", null));

        Assert.Equal("pike-place-market", Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination.Id);
    }

    [Theory]
    [InlineData(typeof(Fallback), "Sorry, I didn't get that. Do you want another ride to the Space Needle?")]
    [InlineData(typeof(Launch), "Welcome to Ride Hailer. Do you want another ride to the Space Needle?")]
    public void UnexpectedTurn_WhileAsked_AsksAgain(Type turn, string speech)
    {
        var session = AskedAboutEarlierRide();
        var before = session.State;

        var decision = session.Send((Turn)Activator.CreateInstance(turn)!);

        Assert.Equal(speech, decision.Reply!.Speech.ToPlainText());
        Assert.Equal("Do you want another ride to the Space Needle?", decision.Reply.Reprompt!.ToPlainText());
        Assert.Same(before, decision.State);
    }

    [Theory]
    [InlineData(typeof(Stop))]
    [InlineData(typeof(Dismiss))]
    [InlineData(typeof(SessionEnded))]
    public void Ending_WhileAsked_BooksNothingAndLetsTheRidersFactsGo(Type turn)
    {
        var session = AskedAboutEarlierRide();

        var decision = session.Send(turn == typeof(SessionEnded) ? new SessionEnded("USER_INITIATED") : (Turn)Activator.CreateInstance(turn)!);

        Assert.True(decision.State.IsFinished);
        Assert.Empty(decision.Commands);
        Assert.Null(decision.State.PendingRider);
        Assert.Null(decision.State.ActiveRide);
    }

    [Fact]
    public async Task NextSession_OfTheSameRider_IsAskedAboutTheRideBookedInTheFirst_AndNoKeepsOneBooking()
    {
        var session = new SessionDriver();
        await session.SendAndRunAsync(new RideRequested("the space needle", null));
        session.Send(new Yes());
        await session.SendAndRunAsync(new PinResolved(session.PendingToken, PinVerification.Achieved, 400, true));
        var first = Assert.Single(session.Store.All);

        session.NewSession();
        session.Now = first.ArrivesAt - TimeSpan.FromMinutes(3);
        var asked = session.Send(new RideRequested("the airport", null));
        var no = session.Send(new No());

        Assert.Equal("You already have a ride to the Space Needle arriving in three minutes. Do you want another one?", asked.Reply!.Speech.ToPlainText());
        Assert.True(no.State.IsFinished);
        Assert.Single(session.Store.All);
    }

    [Fact]
    public async Task NextSession_OfAnotherRider_IsNotAsked()
    {
        var session = new SessionDriver();
        await session.SendAndRunAsync(new RideRequested("the space needle", null));
        session.Send(new Yes());
        await session.SendAndRunAsync(new PinResolved(session.PendingToken, PinVerification.Achieved, 400, true));

        session.NewSession();
        session.Rider = Riders.FullyGranted() with { RiderId = "rider-7" };
        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.IsType<QuoteRide>(Assert.Single(decision.Commands));
        Assert.Equal(new FindActiveRide("rider-7"), session.Lookups[^1]);
    }

    private static Place Place(string id) => PlaceCatalog.Default.TryGet(id, out var place)
        ? place
        : throw new InvalidOperationException($"The catalog lost {id}.");
}
