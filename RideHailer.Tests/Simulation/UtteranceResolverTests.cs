using RideHailer.Simulation;
using RideHailer.Tests.Support.SkillPackage;

namespace RideHailer.Tests.Simulation;

/// <summary>Typed text to what Alexa would send, against the skill package's interaction model.</summary>
public sealed class UtteranceResolverTests
{
    private static readonly UtteranceResolver Resolver = new(InteractionModel.EnUs);

    [Theory]
    [InlineData("open ride hailer")]
    [InlineData("Alexa, launch Ride Hailer.")]
    [InlineData("start ride hailer")]
    [InlineData("ask ride hailer")]
    public void InvocationAlone_IsALaunchRequest(string said) => Assert.IsType<Launch>(Resolver.Resolve(said));

    [Fact]
    public void OneShot_CapturesAndResolvesTheDestination()
    {
        var intent = Assert.IsType<IntentUtterance>(Resolver.Resolve("alexa ask ride hailer for a ride to the space needle"));

        Assert.Equal("OrderRideIntent", intent.IntentName);
        Assert.True(intent.OneShot);
        var slot = intent.Slots.Single(slot => slot.Name == "destination");
        Assert.Equal("the space needle", slot.Value);
        Assert.Equal("space-needle", slot.Match?.Id);
    }

    /// <summary>Every sample utterance of OrderRideIntent, as the carrier-phrase list expands it.</summary>
    public static TheoryData<string> CarrierSamples { get; } = [.. CarrierPhrases.EnUs.Samples()];

    [Theory]
    [MemberData(nameof(CarrierSamples))]
    public void CarrierPhrase_InSession_OrdersARideToThePlace(string sample)
    {
        foreach (var said in Said(sample))
        {
            AssertOrder(Resolver.Resolve(said), sample, oneShot: false, said);
        }
    }

    [Theory]
    [MemberData(nameof(CarrierSamples))]
    public void CarrierPhrase_OneShot_OrdersARideToThePlace(string sample)
    {
        foreach (var request in Said(sample).Take(1))
        {
            foreach (var said in new[]
            {
                $"Alexa, ask Ride Hailer {request}",
                $"alexa ask ride hailer to {request}",
                $"Alexa, ask Ride Hailer for {request}.",
                $"Alexa, tell the Ride Hailer {request}",
                $"Alexa, can you ask Ride Hailer {request}?",
                $"alexa {request} using ride hailer",
                $"Alexa, open Ride Hailer and {request}",
            })
            {
                AssertOrder(Resolver.Resolve(said), sample, oneShot: true, said);
            }
        }
    }

    [Theory]
    [InlineData("Um, take me to the Space Needle please")]
    [InlineData("TO THE SPACE NEEDLE, PLEASE!")]
    [InlineData("so... a cab to the space needle, thanks")]
    [InlineData("please get me a taxi to the space needle now")]
    public void FillerWordsCaseAndPunctuation_AreIgnored(string said) =>
        AssertOrder(Resolver.Resolve(said), "to {destination}", oneShot: false, said);

    [Theory]
    [InlineData("please")]
    [InlineData("um")]
    [InlineData("thanks")]
    public void FillerWordsAlone_AreNotARequest(string said) =>
        Assert.Equal(UtteranceResolver.FallbackIntent, Assert.IsType<IntentUtterance>(Resolver.Resolve(said)).IntentName);

    [Theory]
    [InlineData("Alexa, please open Ride Hailer")]
    [InlineData("Alexa, talk to the Ride Hailer")]
    [InlineData("let's use ride hailer")]
    public void LaunchPhrases_AsAmazonDocumentsThem_AreALaunchRequest(string said) => Assert.IsType<Launch>(Resolver.Resolve(said));

    [Theory]
    [InlineData("sea tac", "sea tac")]
    [InlineData("Sea-Tac!", "sea tac")]
    [InlineData("take me to seatac", "seatac")]
    [InlineData("the airport please", "the airport")]
    [InlineData("I'd like to go to the airport", "the airport")]
    [InlineData("id like to go to the airport", "the airport")]
    [InlineData("order me a ride to Seattle-Tacoma International Airport", "seattle tacoma international airport")]
    public void Synonyms_ResolveToTheAirportsId(string said, string value)
    {
        var intent = Assert.IsType<IntentUtterance>(Resolver.Resolve(said));

        Assert.Equal("OrderRideIntent", intent.IntentName);
        Assert.False(intent.OneShot);
        var slot = intent.Slots.Single(slot => slot.Name == "destination");
        Assert.Equal(value, slot.Value);
        Assert.Equal("seattle-tacoma-international-airport", slot.Match?.Id);
    }

    [Fact]
    public void CarrierPhraseWithAnUnknownPlace_IsAnOrderWithNoMatch()
    {
        var intent = Assert.IsType<IntentUtterance>(Resolver.Resolve("take me to the moon"));

        Assert.Equal("OrderRideIntent", intent.IntentName);
        var slot = intent.Slots.Single(slot => slot.Name == "destination");
        Assert.Equal("the moon", slot.Value);
        Assert.Equal("PlaceName", slot.Type);
        Assert.Null(slot.Match);
    }

    [Fact]
    public void OrderWithoutAPlace_LeavesTheSlotEmpty()
    {
        var intent = Assert.IsType<IntentUtterance>(Resolver.Resolve("book a ride"));

        Assert.Equal("OrderRideIntent", intent.IntentName);
        Assert.All(intent.Slots, slot => Assert.Null(slot.Value));
    }

    [Theory]
    [InlineData("yes", "AMAZON.YesIntent")]
    [InlineData("Yes.", "AMAZON.YesIntent")]
    [InlineData("book it", "AMAZON.YesIntent")]
    [InlineData("no", "AMAZON.NoIntent")]
    [InlineData("no thanks", "AMAZON.NoIntent")]
    [InlineData("help", "AMAZON.HelpIntent")]
    [InlineData("what can I say?", "AMAZON.HelpIntent")]
    [InlineData("stop", "AMAZON.StopIntent")]
    [InlineData("cancel", "AMAZON.CancelIntent")]
    [InlineData("go home", "AMAZON.NavigateHomeIntent")]
    [InlineData("what's the weather like", "AMAZON.FallbackIntent")]
    [InlineData("the moon", "AMAZON.FallbackIntent")]
    [InlineData("pike place", "OrderRideIntent")]
    public void Utterance_ResolvesToTheIntent(string said, string intentName) =>
        Assert.Equal(intentName, Assert.IsType<IntentUtterance>(Resolver.Resolve(said)).IntentName);

    [Theory]
    [InlineData("quit")]
    [InlineData("Exit")]
    [InlineData(null)]
    public void QuitExitOrEndOfInput_Quits(string? said) => Assert.IsType<Quit>(Resolver.Resolve(said));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Alexa")]
    public void NothingSaid_IsSilence(string said) => Assert.IsType<Silence>(Resolver.Resolve(said));

    [Theory]
    [InlineData("where is my ride")]
    [InlineData("Where's my driver?")]
    [InlineData("when will my car get here")]
    [InlineData("how far away is my driver")]
    [InlineData("alexa ask ride hailer where my ride is")]
    [InlineData("Alexa, ask Ride Hailer where's my driver")]
    [InlineData("Hold on, where is my ride?")]
    [InlineData("wait, where's my driver")]
    public void RideStatusQuestions_AreRideStatusIntent(string said) =>
        Assert.Equal("RideStatusIntent", Assert.IsType<IntentUtterance>(Resolver.Resolve(said)).IntentName);

    [Theory]
    [InlineData("cancel my ride")]
    [InlineData("Cancel the car.")]
    [InlineData("I want to cancel my ride")]
    [InlineData("alexa ask ride hailer to cancel my ride")]
    [InlineData("Actually, cancel my ride.")]
    public void CancelTheRide_IsCancelRideIntent(string said) =>
        Assert.Equal("CancelRideIntent", Assert.IsType<IntentUtterance>(Resolver.Resolve(said)).IntentName);

    [Theory]
    [InlineData("cancel")]
    [InlineData("Cancel.")]
    [InlineData("never mind")]
    public void CancelAlone_IsAmazonsCancelNotARideCancellation(string said) =>
        Assert.Equal("AMAZON.CancelIntent", Assert.IsType<IntentUtterance>(Resolver.Resolve(said)).IntentName);

    [Theory]
    [InlineData("how much is a ride to the airport", null)]
    [InlineData("what would a ride to Pike Place cost", null)]
    [InlineData("alexa ask ride hailer how much is a ride to the airport", null)]
    [InlineData("how much is an XL to the airport", "xl")]
    [InlineData("what would something nice to the airport cost", "premium")]
    public void PriceQuestions_ArePriceCheckIntentWithThePlaceAndRideType(string said, string? rideType)
    {
        var intent = Assert.IsType<IntentUtterance>(Resolver.Resolve(said));

        Assert.Equal("PriceCheckIntent", intent.IntentName);
        Assert.NotNull(intent.Slots.Single(slot => slot.Name == "destination").Match);
        Assert.Equal(rideType, intent.Slots.Single(slot => slot.Name == "rideType").Match?.Id);
    }

    [Theory]
    [InlineData("I want an XL", "xl")]
    [InlineData("get me a big car to the space needle", "xl")]
    [InlineData("get me an XL to the space needle", "xl")]
    [InlineData("I need something nice", "premium")]
    [InlineData("book me a regular car to the airport", "standard")]
    public void RideTypes_FillTheRideTypeSlotOfOrderRideIntent(string said, string rideType)
    {
        var intent = Assert.IsType<IntentUtterance>(Resolver.Resolve(said));

        Assert.Equal("OrderRideIntent", intent.IntentName);
        Assert.Equal(rideType, intent.Slots.Single(slot => slot.Name == "rideType").Match?.Id);
    }

    [Fact]
    public void ResolvedSlot_IsSentWithAMatchingAuthority()
    {
        var session = NewSession();
        var request = session.Intent(Assert.IsType<IntentUtterance>(Resolver.Resolve("a ride to the needle")));

        var slot = request["request"]!["intent"]!["slots"]!["destination"]!;
        Assert.Equal("the needle", (string?)slot["value"]);
        var authority = slot["resolutions"]!["resolutionsPerAuthority"]![0]!;
        Assert.Equal($"amzn1.er-authority.echo-sdk.{session.SkillId}.PlaceName", (string?)authority["authority"]);
        Assert.Equal("ER_SUCCESS_MATCH", (string?)authority["status"]!["code"]);
        Assert.Equal("space-needle", (string?)authority["values"]![0]!["value"]!["id"]);
        Assert.Equal("Space Needle", (string?)authority["values"]![0]!["value"]!["name"]);
    }

    [Fact]
    public void UnresolvedSlot_IsSentWithNoMatchAndNoValues()
    {
        var request = NewSession().Intent(Assert.IsType<IntentUtterance>(Resolver.Resolve("take me to the moon")));

        var authority = request["request"]!["intent"]!["slots"]!["destination"]!["resolutions"]!["resolutionsPerAuthority"]![0]!;
        Assert.Equal("ER_SUCCESS_NO_MATCH", (string?)authority["status"]!["code"]);
        Assert.Null(authority["values"]);
    }

    [Fact]
    public void EveryPlaceNameValueAndSynonym_ResolvesToItsOwnId()
    {
        var places = InteractionModel.EnUs.SlotTypes["PlaceName"];

        foreach (var value in places.Values)
        {
            foreach (var said in value.Synonyms.Prepend(value.Name))
            {
                Assert.Equal(value.Id, places.Resolve(said)?.Id);
            }
        }
    }

    /// <summary>The sample as a rider would say it: to the Space Needle, then shouted with punctuation.</summary>
    private static string[] Said(string sample)
    {
        var said = sample
            .Replace(CarrierPhrases.Destination, "the Space Needle", StringComparison.Ordinal)
            .Replace($"an {CarrierPhrases.RideType}", "an XL", StringComparison.Ordinal)
            .Replace(CarrierPhrases.RideType, "a big car", StringComparison.Ordinal);
        return [said, said.ToUpperInvariant() + "!", $"Um, {said}, please."];
    }

    private static void AssertOrder(ResolvedUtterance resolved, string sample, bool oneShot, string said)
    {
        var intent = Assert.IsType<IntentUtterance>(resolved);
        Assert.True(intent.IntentName == "OrderRideIntent", $"'{said}' resolved to {intent.IntentName}");
        Assert.Equal(oneShot, intent.OneShot);
        var slot = intent.Slots.Single(slot => slot.Name == "destination");
        var rideType = intent.Slots.Single(slot => slot.Name == "rideType");
        Assert.True(
            sample.Contains(CarrierPhrases.RideType, StringComparison.Ordinal) ? rideType.Match?.Id == "xl" : rideType.Value is null,
            $"'{said}' filled rideType with '{rideType.Value}'");
        if (sample.Contains(CarrierPhrases.Destination, StringComparison.Ordinal))
        {
            Assert.True(slot.Match?.Id == "space-needle", $"'{said}' filled destination with '{slot.Value}'");
        }
        else
        {
            Assert.True(slot.Value is null, $"'{said}' filled destination with '{slot.Value}'");
        }
    }

    private static SimulatedSession NewSession()
    {
        var session = new SimulatedSession(new SimulatedRider(), "amzn1.ask.skill.test", new Uri("http://127.0.0.1:5000"), new PermissionLedger(), TimeProvider.System);
        session.Open();
        return session;
    }
}
