using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Tests.Simulation;

/// <summary>
/// Any destination, the choice between places and a ride home, as Alexa would fill them from the model: words a
/// custom slot type does not know are passed through (ER_SUCCESS_NO_MATCH, no id), AMAZON.Ordinal as digits.
/// </summary>
public sealed class FreeFormDestinationResolverTests
{
    private static readonly UtteranceResolver Resolver = new(InteractionModel.EnUs);

    [Theory]
    [InlineData("take me to 400 Broad Street", "400 broad street")]
    [InlineData("a cab to 1600 Pennsylvania Avenue please", "1600 pennsylvania avenue")]
    [InlineData("400 Broad Street", "400 broad street")]
    [InlineData("400 Broad Street in Everett", "400 broad street in everett")]
    [InlineData("221b Baker Street", "221b baker street")]
    [InlineData("the address is 400 Broad Street", "400 broad street")]
    [InlineData("take me to the address 12 Main Street", "12 main street")]
    [InlineData("Alexa, ask Ride Hailer for a ride to 400 Broad Street", "400 broad street")]
    [InlineData("take me to Jimmy's Diner on Fifth", "jimmy's diner on fifth")]
    public void ADestinationNoCatalogValueMatches_IsSentAsSaid(string said, string value)
    {
        var intent = Assert.IsType<IntentUtterance>(Resolver.Resolve(said));

        Assert.Equal(TurnReader.OrderRideIntent, intent.IntentName);
        var slot = intent.Slots.Single(candidate => candidate.Name == "destination");
        Assert.Equal(value, slot.Value);
        Assert.Equal("PlaceName", slot.Type);
        Assert.Null(slot.Match);
    }

    [Fact]
    public void AFreeFormDestination_IsSentAsAlexaSendsACustomTypesUnknownWords()
    {
        var request = NewSession().Intent(Assert.IsType<IntentUtterance>(Resolver.Resolve("400 Broad Street")));

        var slot = request["request"]!["intent"]!["slots"]![TurnReader.DestinationSlot]!;
        Assert.Equal("400 broad street", (string?)slot["value"]);
        var authority = slot["resolutions"]!["resolutionsPerAuthority"]![0]!;
        Assert.Equal("ER_SUCCESS_NO_MATCH", (string?)authority["status"]!["code"]);
        Assert.Null(authority["values"]);
    }

    [Theory]
    [InlineData("hello there")]
    [InlineData("the moon")]
    [InlineData("fourth of july")]
    public void WordsAloneThatAreNeitherAPlaceNorAnAddress_AreStillFallback(string said) =>
        Assert.Equal(UtteranceResolver.FallbackIntent, Assert.IsType<IntentUtterance>(Resolver.Resolve(said)).IntentName);

    [Theory]
    [InlineData("the first one", "1")]
    [InlineData("the second one", "2")]
    [InlineData("third one", "3")]
    [InlineData("second", "2")]
    [InlineData("the 2nd one", "2")]
    [InlineData("the second one please", "2")]
    public void APosition_IsTheChoiceWithTheOrdinalAsDigits(string said, string position)
    {
        var intent = Assert.IsType<IntentUtterance>(Resolver.Resolve(said));

        Assert.Equal(TurnReader.ChoosePlaceIntent, intent.IntentName);
        Assert.Equal(position, intent.Slots.Single(slot => slot.Name == TurnReader.PositionSlot).Value);
        Assert.Null(intent.Slots.Single(slot => slot.Name == TurnReader.PlaceSlot).Value);
    }

    [Fact]
    public void AnOrdinal_IsSentWithoutResolutions_AsABuiltInType()
    {
        var request = NewSession().Intent(Assert.IsType<IntentUtterance>(Resolver.Resolve("the second one")));

        var slot = request["request"]!["intent"]!["slots"]![TurnReader.PositionSlot]!;
        Assert.Equal("2", (string?)slot["value"]);
        Assert.Null(slot["resolutions"]);
    }

    [Theory]
    [InlineData("the one in Everett", "everett")]
    [InlineData("I mean the one in Everett", "everett")]
    [InlineData("the one on Broad Street", "broad street")]
    public void APlaceNamed_IsTheChoiceWithTheWordsAsSaid(string said, string place)
    {
        var intent = Assert.IsType<IntentUtterance>(Resolver.Resolve(said));

        Assert.Equal(TurnReader.ChoosePlaceIntent, intent.IntentName);
        Assert.Equal(place, intent.Slots.Single(slot => slot.Name == TurnReader.PlaceSlot).Value);
        Assert.Null(intent.Slots.Single(slot => slot.Name == TurnReader.PositionSlot).Value);
    }

    [Theory]
    [InlineData("take me home")]
    [InlineData("Alexa, ask Ride Hailer to take me home")]
    [InlineData("a ride home please")]
    [InlineData("take me to my house")]
    public void Home_IsARideHome(string said) =>
        Assert.Equal(TurnReader.RideHomeIntent, Assert.IsType<IntentUtterance>(Resolver.Resolve(said)).IntentName);

    [Fact]
    public void GoHome_IsStillAmazonsNavigateHome() =>
        Assert.Equal("AMAZON.NavigateHomeIntent", Assert.IsType<IntentUtterance>(Resolver.Resolve("go home")).IntentName);

    private static SimulatedSession NewSession()
    {
        var session = new SimulatedSession(new SimulatedRider(), "amzn1.ask.skill.test", new Uri("http://127.0.0.1:5000"), new PermissionLedger(), TimeProvider.System);
        session.Open();
        return session;
    }
}
