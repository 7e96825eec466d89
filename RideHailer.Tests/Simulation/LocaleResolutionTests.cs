using RideHailer.DevHost.Simulator;
using RideHailer.Simulation;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Simulation;

/// <summary>The simulation kit in each locale: the resolver reads that locale's model, the rider's requests carry its locale.</summary>
public sealed class LocaleResolutionTests
{
    private static readonly UtteranceResolver German = new(InteractionModel.For("de-DE"));

    [Fact]
    public void TheKit_HasTheModelOfEveryPublishedLocale()
    {
        Assert.Equal(["de-DE", "en-AU", "en-CA", "en-GB", "en-IN", "en-US"], InteractionModel.Locales);
        Assert.Equal("de-DE", InteractionModel.For("de-DE").Locale);
        Assert.Throws<ArgumentException>(() => InteractionModel.For("fr-FR"));
    }

    [Theory]
    [InlineData("öffne Ride Hailer")]
    [InlineData("Alexa, starte Ride Hailer")]
    public void German_LaunchPhrases_Launch(string said) => Assert.IsType<Launch>(German.Resolve(said));

    [Theory]
    [InlineData("sag Ride Hailer, bring mich zur Space Needle", "space-needle")]
    [InlineData("bring mich zu Pike Place Market", "pike-place-market")]
    [InlineData("äh, zum Pike Place Market, bitte", "pike-place-market")]
    [InlineData("ich brauche ein Taxi zur Space Needle", "space-needle")]
    public void German_RideRequests_ResolveTheDestination(string said, string placeId)
    {
        var heard = Assert.IsType<IntentUtterance>(German.Resolve(said));

        Assert.Equal("OrderRideIntent", heard.IntentName);
        Assert.Equal(placeId, heard.Slots.Single(slot => slot.Name == "destination").Match?.Id);
    }

    [Theory]
    [InlineData("ja", "AMAZON.YesIntent")]
    [InlineData("nein danke", "AMAZON.NoIntent")]
    [InlineData("hilfe", "AMAZON.HelpIntent")]
    [InlineData("stopp", "AMAZON.StopIntent")]
    [InlineData("open ride hailer", "AMAZON.FallbackIntent")]
    public void German_BuiltInsAreGerman(string said, string intent) =>
        Assert.Equal(intent, Assert.IsType<IntentUtterance>(German.Resolve(said)).IntentName);

    [Theory]
    [InlineData("wo ist meine Fahrt", "RideStatusIntent")]
    [InlineData("Moment mal, wo ist mein Fahrer?", "RideStatusIntent")]
    [InlineData("warte, storniere meine Fahrt", "CancelRideIntent")]
    public void German_RideQuestions_AlsoInTheMiddleOfAnother(string said, string intent) =>
        Assert.Equal(intent, Assert.IsType<IntentUtterance>(German.Resolve(said)).IntentName);

    /// <summary>
    /// "A lift" is a ride where English says so; in en-US the words only fit "a {rideType} to {destination}", with a ride
    /// type no value names (which the skill takes as a standard ride), as Alexa passes a custom slot's unknown words.
    /// </summary>
    [Theory]
    [InlineData("en-GB", null)]
    [InlineData("en-AU", null)]
    [InlineData("en-US", "a lift")]
    public void ALift_IsARideWhereTheLocaleSaysSo(string locale, string? unknownRideType)
    {
        var heard = Assert.IsType<IntentUtterance>(new UtteranceResolver(InteractionModel.For(locale)).Resolve("get me a lift to the space needle"));

        Assert.Equal("OrderRideIntent", heard.IntentName);
        Assert.Equal("space-needle", heard.Slots.Single(slot => slot.Name == "destination").Match?.Id);
        var rideType = heard.Slots.Single(slot => slot.Name == "rideType");
        Assert.Equal(unknownRideType, string.IsNullOrEmpty(rideType.Value) ? null : rideType.Value);
        Assert.False(rideType.IsResolved);
    }

    [Fact]
    public void EveryRequest_CarriesTheRidersLocale()
    {
        var session = new SimulatedSession(
            RiderSetup.Default with { Locale = "en-IN" }, AlexaRequests.SkillId, new Uri("https://api.eu.amazonalexa.com"), new PermissionLedger());
        session.Open();

        Assert.Equal("en-IN", (string?)session.Launch()["request"]!["locale"]);
        Assert.Equal("https://api.eu.amazonalexa.com", (string?)session.Intent("AMAZON.HelpIntent")["context"]!["System"]!["apiEndpoint"]);
    }

    [Fact]
    public void ChatLocale_PicksTheRidersLocale()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var german = ChatCommandLine.Parse(["--locale", "de-DE"], output, error, out _);
        var unknown = ChatCommandLine.Parse(["--locale", "fr-FR"], output, error, out var exitCode);

        Assert.Equal("de-DE", german?.Locale);
        Assert.Equal("de-DE", german?.Rider().Locale);
        Assert.Equal("en-US", ChatCommandLine.Parse([], output, error, out _)?.Rider().Locale);
        Assert.Null(unknown);
        Assert.NotEqual(0, exitCode);
        Assert.Contains("fr-FR", error.ToString(), StringComparison.Ordinal);
    }
}
