using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Skill.Places;
using RideHailer.Skill.Speech;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>
/// Help and the last miss at the destination name places of the rider's own city: the city their pickup is in when it
/// is known, else their locale's main city (en-GB London, en-CA Toronto, en-AU Sydney, en-IN Mumbai, de-DE Berlin,
/// en-US and any other locale Seattle). The Domain picks the places; each phrase table says them.
/// </summary>
public sealed class HelpExamplesTests
{
    private static readonly ConversationSettings Settings = ConversationSettings.Default with { Markets = PlaceCatalog.Markets };

    [Theory]
    [InlineData("en-US", "Seattle")]
    [InlineData("en-GB", "London")]
    [InlineData("en-CA", "Toronto")]
    [InlineData("en-AU", "Sydney")]
    [InlineData("en-IN", "Mumbai")]
    [InlineData("de-DE", "Berlin")]
    [InlineData("fr-FR", "Seattle")]
    public void WithoutAPickup_HelpNamesPlacesOfTheLocalesMainCity(string locale, string city)
    {
        var help = Help(SessionState.Start("session", locale), RiderFacts.None);

        Assert.Equal(Examples(city), help.Examples);
    }

    [Theory]
    [InlineData("en-US", 51.5033, -0.1196, "London")]
    [InlineData("de-DE", -33.8568, 151.2153, "Sydney")]
    [InlineData("en-GB", 47.6097, -122.3422, "Seattle")]
    [InlineData("en-IN", 52.5251, 13.3694, "Berlin")]
    [InlineData("en-CA", 45.5152, -122.6784, "Toronto")]
    public void APickupInAMarketsCity_WinsOverTheLocale_AndOneInNoneLeavesItToTheLocale(string locale, double latitude, double longitude, string city)
    {
        var rider = RiderFacts.None with { Pickup = Pickup.AtGeolocation(new GeoPoint(latitude, longitude)) };

        Assert.Equal(Examples(city), Help(SessionState.Start("session", locale), rider).Examples);
    }

    [Fact]
    public void ADeviceAddressWithoutCoordinates_IsInTheMarketItsCityNames()
    {
        var rider = RiderFacts.None with { Pickup = Pickup.AtAddress("1 Macquarie Street", "Sydney") };

        Assert.Equal(Examples("Sydney"), Help(SessionState.Start("session", "en-US"), rider).Examples);
    }

    [Fact]
    public void ThePickupKeptForTheSession_CountsWhenTheHelpTurnCarriesNone()
    {
        // Alexa's help request reads no profile: the pickup the ride request loaded, kept while the rider is asked
        // about their ride on its way, still says where they are.
        var waiting = SessionState.Start("session", "en-US") with
        {
            Step = SessionStep.AwaitingDestination,
            PendingRider = RiderFacts.None with { Pickup = Pickup.AtGeolocation(new GeoPoint(43.6426, -79.3871)) },
        };

        Assert.Equal(Examples("Toronto"), Help(waiting, RiderFacts.None).Examples);
    }

    [Fact]
    public void WithoutMarkets_HelpNamesNoPlaces()
    {
        var decision = new Conversation(ConversationSettings.Default).Decide(SessionState.Start("session", "en-GB"), new Help(), Context(RiderFacts.None));

        var help = Assert.IsType<DestinationHelp>(decision.Reply!.Speech[0]);
        Assert.Null(help.Examples);
        Assert.Equal(
            "Ride Hailer books a ride for you. Tell me where you want to go. You can also ask how much a ride is, ask for an XL, "
            + "ask where your ride is, or say cancel my ride. Where would you like to go?",
            decision.Reply.Speech.ToPlainText());
    }

    [Fact]
    public void TheLastMiss_GivesUpWithAnExampleOfTheRidersCity()
    {
        var session = new SessionDriver(Settings, RiderFacts.None) { State = SessionState.Start("session", "en-AU") };
        Decision decision = null!;
        for (var i = 0; i < Settings.MaxDestinationMisses; i++)
        {
            decision = session.Send(new Fallback());
        }

        Assert.Equal([new DestinationGivenUp(DestinationMiss.NotUnderstood, Examples("Sydney"))], decision.Reply!.Speech);
        Assert.Equal(SessionStep.Ended, decision.State.Step);
    }

    [Fact]
    public void ThreePlacesNotFound_GiveUpNamingPlacesNearThePickup()
    {
        var rider = Riders.FullyGranted() with { Pickup = Pickup.AtGeolocation(new GeoPoint(18.9220, 72.8347)) };
        var session = new SessionDriver(Settings, rider) { State = SessionState.Start("session", "en-US") };
        Decision decision = null!;
        for (var i = 0; i < Settings.MaxDestinationMisses; i++)
        {
            decision = session.Send(new RideRequested("Narnia", null));
        }

        Assert.Equal([new DestinationGivenUp(DestinationMiss.NotFound, Examples("Mumbai"))], decision.Reply!.Speech);
    }

    [Theory]
    [InlineData(
        "en-US",
        "Seattle",
        "Ride Hailer books a ride for you. Tell me where you want to go, like the Space Needle or the airport. You can also ask how much a ride "
        + "to the airport is, ask for an XL, ask where your ride is, or say cancel my ride.")]
    [InlineData(
        "en-GB",
        "London",
        "Ride Hailer books a ride for you. Tell me where you want to go, like the Tower of London or Heathrow. You can also ask how much a ride "
        + "to Heathrow is, ask for an XL, ask where your ride is, or say cancel my ride.")]
    [InlineData(
        "en-CA",
        "Toronto",
        "Ride Hailer books a ride for you. Tell me where you want to go, like the CN Tower or Pearson airport. You can also ask how much a ride "
        + "to Pearson airport is, ask for an XL, ask where your ride is, or say cancel my ride.")]
    [InlineData(
        "en-AU",
        "Sydney",
        "Ride Hailer books a ride for you. Tell me where you want to go, like the Sydney Opera House or Sydney Airport. You can also ask how much "
        + "a ride to Sydney Airport is, ask for an XL, ask where your ride is, or say cancel my ride.")]
    [InlineData(
        "en-IN",
        "Mumbai",
        "Ride Hailer books a ride for you. Tell me where you want to go, like the Gateway of India or Mumbai airport. You can also ask how much "
        + "a ride to Mumbai airport is, ask for an XL, ask where your ride is, or say cancel my ride.")]
    [InlineData(
        "de-DE",
        "Berlin",
        "Ride Hailer bucht eine Fahrt für dich. Sag mir, wohin du möchtest, zum Beispiel Brandenburger Tor oder Flughafen BER. Du kannst auch "
        + "fragen, was eine Fahrt kostet, ein XL bestellen, fragen, wo deine Fahrt ist, oder sagen: storniere meine Fahrt.")]
    [InlineData(
        "de-DE",
        "London",
        "Ride Hailer bucht eine Fahrt für dich. Sag mir, wohin du möchtest, zum Beispiel Tower von London oder Flughafen Heathrow. Du kannst auch "
        + "fragen, was eine Fahrt kostet, ein XL bestellen, fragen, wo deine Fahrt ist, oder sagen: storniere meine Fahrt.")]
    public void EachTable_SaysTheExamplesInItsLanguage(string locale, string city, string help) =>
        Assert.Equal(help, Text(locale, new DestinationHelp(Examples(city))));

    [Theory]
    [InlineData(
        "en-GB",
        DestinationMiss.NotFound,
        "Sorry, I still couldn't find that place. You can ask for places like the Tower of London or Heathrow. Thank you for using Ride Hailer.")]
    [InlineData(
        "en-GB",
        DestinationMiss.NotUnderstood,
        "Sorry, I still didn't understand. Ride Hailer books rides: open it again and say where you want to go, like take me to the Tower of London. "
        + "Thank you for using Ride Hailer.")]
    [InlineData(
        "en-GB",
        DestinationMiss.NoPlace,
        "Sorry, I still didn't catch where you want to go. Next time, say the place with your request, like a ride to Heathrow. "
        + "Thank you for using Ride Hailer.")]
    [InlineData(
        "de-DE",
        DestinationMiss.NotFound,
        "Entschuldigung, ich konnte diesen Ort immer noch nicht finden. Du kannst nach Orten wie Tower von London oder Flughafen Heathrow fragen. "
        + "Danke, dass du Ride Hailer nutzt.")]
    [InlineData(
        "de-DE",
        DestinationMiss.NotUnderstood,
        "Entschuldigung, ich habe es immer noch nicht verstanden. Ride Hailer bucht Fahrten: Öffne es noch einmal und sag, wohin du möchtest, "
        + "zum Beispiel: Tower von London, bitte. Danke, dass du Ride Hailer nutzt.")]
    [InlineData(
        "de-DE",
        DestinationMiss.NoPlace,
        "Entschuldigung, ich habe immer noch nicht verstanden, wohin du möchtest. Sag beim nächsten Mal den Ort gleich mit, "
        + "zum Beispiel: ein Taxi zum Flughafen Heathrow. Danke, dass du Ride Hailer nutzt.")]
    public void GivingUp_NamesTheExamplesInTheTablesLanguage(string locale, DestinationMiss miss, string words) =>
        Assert.Equal(words, Text(locale, new DestinationGivenUp(miss, Examples("London"))));

    private static DestinationHelp Help(SessionState state, RiderFacts rider)
    {
        var decision = new Conversation(Settings).Decide(state, new Help(), Context(rider));
        return Assert.IsType<DestinationHelp>(decision.Reply!.Speech[0]);
    }

    private static TurnContext Context(RiderFacts rider) => new(SessionDriver.Noon, "nonce", rider);

    private static PlaceExamples Examples(string city) => PlaceCatalog.Markets.Single(market => market.City == city).Examples;

    private static string Text(string locale, Message message) => string.Concat(
        PhraseBook.Shipped.Single(table => table.Locales.Contains(locale)).Say(message).Select(part => part is SpokenText text ? text.Text : string.Empty));
}
