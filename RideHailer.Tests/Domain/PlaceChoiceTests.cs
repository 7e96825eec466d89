using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Skill.Places;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Domain.FoundPlaces;

namespace RideHailer.Tests.Domain;

/// <summary>
/// The search's whole answer: one clear place is quoted; places of the same confidence far apart are offered ("Which
/// one?") and the answer picks one without a new search; anything else asks again, and a new destination starts over.
/// </summary>
public sealed class PlaceChoiceTests
{
    private const string AskTwo = "I found two: 400 Broad Street in Seattle, and 400 Broad Street in Everett. Which one?";
    private const string WhichOfTwo = "Which one: 400 Broad Street in Seattle, or 400 Broad Street in Everett?";

    [Fact]
    public void OneMatch_IsQuotedWithoutAQuestion()
    {
        var session = Searching(BroadStreetSeattle);

        var decision = session.Send(new RideRequested("400 Broad Street", null));

        Assert.Null(decision.Reply);
        Assert.Equal(BroadStreetSeattle, Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination);
    }

    [Fact]
    public void TwoFarApartOfTheSameConfidence_AsksWhichOneNamingEachWithItsLocality()
    {
        var session = Searching(BroadStreetSeattle, BroadStreetEverett);

        var decision = session.Send(new RideRequested("400 Broad Street", null));

        Assert.Equal(AskTwo, decision.Reply!.Speech.ToPlainText());
        Assert.Equal(WhichOfTwo, decision.Reply.Reprompt!.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
        Assert.Empty(decision.Commands);
        Assert.Equal(SessionStep.AwaitingPlaceChoice, decision.State.Step);
        Assert.Equal([BroadStreetSeattle, BroadStreetEverett], decision.State.PlaceChoices);
    }

    [Fact]
    public void OneMuchNearerThePickup_StillAsks()
    {
        var session = Searching(BroadStreetSeattle, BroadStreetTacoma);

        var decision = session.Send(new RideRequested("400 Broad Street", null));

        Assert.Equal(
            "I found two: 400 Broad Street in Seattle, and 400 Broad Street in Tacoma. Which one?",
            decision.Reply!.Speech.ToPlainText());
    }

    [Fact]
    public void TwoNear_AreOnePlace_QuotedAtTheFirst()
    {
        var session = Searching(BroadStreetSeattle, BroadStreetSeattleNextDoor);

        var decision = session.Send(new RideRequested("400 Broad Street", null));

        Assert.Equal(BroadStreetSeattle, Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination);
    }

    [Fact]
    public void DifferentConfidence_QuotesTheMostConfidentWithoutAQuestion()
    {
        var session = Searching(BroadStreetSeattle with { Confidence = PlaceConfidence.Medium }, BroadStreetEverett);

        var decision = session.Send(new RideRequested("400 Broad Street", null));

        Assert.Equal(BroadStreetEverett, Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination);
    }

    [Fact]
    public void FourFarApart_ReadsThree_AndAFourthPositionIsAskedAgain()
    {
        var session = Searching(BroadStreetSeattle, BroadStreetEverett, BroadStreetTacoma, BroadStreetBellevue);

        var asked = session.Send(new RideRequested("400 Broad Street", null));
        var fourth = session.Send(new PlaceChosen(4, null));

        Assert.Equal(
            "I found three: 400 Broad Street in Seattle, 400 Broad Street in Everett, and 400 Broad Street in Tacoma. Which one?",
            asked.Reply!.Speech.ToPlainText());
        Assert.Equal(
            "Sorry, I didn't get that. Which one: 400 Broad Street in Seattle, 400 Broad Street in Everett, or 400 Broad Street in Tacoma?",
            fourth.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.AwaitingPlaceChoice, fourth.State.Step);
    }

    [Theory]
    [InlineData(1, "Seattle")]
    [InlineData(2, "Everett")]
    public void ChosenByPosition_IsQuotedWithoutANewSearch(int position, string city)
    {
        var session = AtTheChoice();

        var decision = session.Send(new PlaceChosen(position, null));

        Assert.Equal(city, Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination.City);
        Assert.Single(session.Searches);
        Assert.Null(decision.State.PlaceChoices);
        Assert.Null(decision.State.PendingRider);
    }

    [Theory]
    [InlineData("the one in Everett")]
    [InlineData("Everett")]
    public void ChosenByName_IsQuotedWithoutANewSearch(string said)
    {
        var session = AtTheChoice();

        var decision = session.Send(new PlaceChosen(null, said));

        Assert.Equal(BroadStreetEverett, Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination);
        Assert.Single(session.Searches);
    }

    [Fact]
    public void TheAddressWithItsTownSaidAgain_AnswersTheChoiceWithoutANewSearch()
    {
        var session = AtTheChoice();

        var decision = session.Send(new RideRequested("400 Broad Street in Everett", null));

        Assert.Equal(BroadStreetEverett, Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination);
        Assert.Single(session.Searches);
    }

    [Fact]
    public void TheChoice_UsesTheRideRequestsFacts_ForTheAnswerCarriesNone()
    {
        var session = AtTheChoice();
        session.Rider = RiderFacts.None;

        var decision = session.Send(new PlaceChosen(1, null));

        var quote = Assert.IsType<QuoteRide>(Assert.Single(decision.Commands));
        Assert.Equal(Riders.Downtown, quote.Pickup.Point);
        Assert.Equal(Riders.GivenName, decision.State.Passenger!.GivenName);
    }

    public static TheoryData<Turn, string> WrongAnswers => new()
    {
        { new PlaceChosen(null, "the one in Portland"), "Sorry, I didn't get that. " + WhichOfTwo },
        { new PlaceChosen(3, null), "Sorry, I didn't get that. " + WhichOfTwo },
        { new PlaceChosen(null, null), "Sorry, I didn't get that. " + WhichOfTwo },
        { new Fallback(), "Sorry, I didn't get that. " + WhichOfTwo },
        { new Yes(), "Sorry, I didn't get that. " + WhichOfTwo },
        { new No(), "Sorry, I didn't get that. " + WhichOfTwo },
        { new RideRequested("400 Broad Street", null), WhichOfTwo },
    };

    [Theory]
    [MemberData(nameof(WrongAnswers))]
    public void AnAnswerThatPicksNone_AsksTheChoiceAgainWithoutSearching(Turn answer, string speech)
    {
        var session = AtTheChoice();
        var before = session.State;

        var decision = session.Send(answer);

        Assert.Equal(speech, decision.Reply!.Speech.ToPlainText());
        Assert.Equal(WhichOfTwo, decision.Reply.Reprompt!.ToPlainText());
        Assert.Empty(decision.Commands);
        Assert.Equal(before, decision.State);
        Assert.Single(session.Searches);
    }

    [Fact]
    public void ANewDestination_StartsOver()
    {
        var session = AtTheChoice();
        session.Places = PlaceCatalog.Default;

        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.Equal(2, session.Searches.Count);
        Assert.Equal(Quotes.SpaceNeedlePlace, Assert.IsType<QuoteRide>(Assert.Single(decision.Commands)).Destination);
        Assert.Null(decision.State.PlaceChoices);
    }

    [Fact]
    public void ANewDestinationNotFound_AsksForTheDestinationAndForgetsTheChoice()
    {
        var session = AtTheChoice();
        session.Places = new FakePlaceSearch();

        var decision = session.Send(new RideRequested("Narnia", null));

        Assert.Equal("I couldn't find Narnia. Where would you like to go?", decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.AwaitingDestination, decision.State.Step);
        Assert.Null(decision.State.PlaceChoices);
    }

    [Fact]
    public void APlaceChosenWhenNoChoiceWasAsked_IsNotUnderstood()
    {
        var session = new SessionDriver();
        session.Send(new Launch());

        var decision = session.Send(new PlaceChosen(1, null));

        Assert.Equal("Sorry, I didn't get that. Where would you like to go?", decision.Reply!.Speech.ToPlainText());
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void AnAmbiguousPlaceWhileAQuoteIsOffered_LetsTheQuoteGoAndAsks()
    {
        var session = new SessionDriver();
        session.OfferQuote();
        session.Places = new FakePlaceSearch(BroadStreetSeattle, BroadStreetEverett);

        var decision = session.Send(new RideRequested("400 Broad Street", null));

        Assert.Equal(AskTwo, decision.Reply!.Speech.ToPlainText());
        Assert.Null(decision.State.Quote);
        Assert.Equal(SessionStep.AwaitingPlaceChoice, decision.State.Step);
    }

    [Fact]
    public void NothingFound_AndASearchThatFails_AreToldApartAndKeepTheQuestionOpen()
    {
        var session = Searching();
        var notFound = session.Send(new RideRequested("400 Bord Street", null));
        ((FakePlaceSearch)session.Places).Failure = new TimeoutException();
        var failed = session.Send(new RideRequested("400 Broad Street", null));

        Assert.Equal("I couldn't find 400 Bord Street. Where would you like to go?", notFound.Reply!.Speech.ToPlainText());
        Assert.Equal("I can't look up places right now. Where would you like to go?", failed.Reply!.Speech.ToPlainText());
        Assert.All([notFound, failed], decision => Assert.Equal(SessionBehavior.KeepOpen, decision.Reply!.Session));
        Assert.Equal(SessionStep.AwaitingDestination, failed.State.Step);
    }

    private static SessionDriver Searching(params Place[] found) => new() { Places = new FakePlaceSearch(found) };

    private static SessionDriver AtTheChoice()
    {
        var session = Searching(BroadStreetSeattle, BroadStreetEverett);
        session.Send(new RideRequested("400 Broad Street", null));
        Assert.Equal(SessionStep.AwaitingPlaceChoice, session.State.Step);
        return session;
    }
}
