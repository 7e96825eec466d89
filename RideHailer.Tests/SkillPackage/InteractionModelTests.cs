using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RideHailer.Domain;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.SkillPackage;

namespace RideHailer.Tests.SkillPackage;

/// <summary>
/// The en-US interaction model against the endpoint: every intent the endpoint maps exists, every intent in
/// the model means something to the endpoint, and the utterances are ones the Alexa model build accepts.
/// </summary>
public sealed partial class InteractionModelTests
{
    private static readonly JsonObject Model = SkillPackageFiles.LanguageModel();

    /// <summary>The intents <see cref="TurnReader"/> maps, and the turn each becomes.</summary>
    public static TheoryData<string, Type> EndpointIntents { get; } = new()
    {
        { TurnReader.OrderRideIntent, typeof(RideRequested) },
        { TurnReader.PriceCheckIntent, typeof(RideRequested) },
        { TurnReader.RideStatusIntent, typeof(RideStatusAsked) },
        { TurnReader.CancelRideIntent, typeof(CancelRideAsked) },
        { TurnReader.RideHomeIntent, typeof(RideHomeRequested) },
        { TurnReader.ChoosePlaceIntent, typeof(PlaceChosen) },
        { "AMAZON.YesIntent", typeof(Yes) },
        { "AMAZON.NoIntent", typeof(No) },
        { "AMAZON.HelpIntent", typeof(Help) },
        { "AMAZON.StopIntent", typeof(Stop) },
        { "AMAZON.CancelIntent", typeof(Dismiss) },
        { "AMAZON.NavigateHomeIntent", typeof(Dismiss) },
        { "AMAZON.FallbackIntent", typeof(Fallback) },
    };

    [Fact]
    public void InvocationName_IsRideHailer()
    {
        Assert.Equal("ride hailer", (string?)Model["invocationName"]);
    }

    [Theory]
    [MemberData(nameof(EndpointIntents))]
    public void EndpointIntent_IsDeclaredAndReadAsItsTurn(string intent, Type turn)
    {
        Assert.Contains(intent, IntentNames());
        Assert.IsType(turn, ReadTurn(intent));
    }

    [Fact]
    public void EveryModelIntent_MeansSomethingToTheEndpoint()
    {
        // An intent the endpoint does not map falls into Fallback: the rider would hear "Sorry, I didn't get that."
        var unmapped = IntentNames()
            .Where(intent => intent != "AMAZON.FallbackIntent" && ReadTurn(intent) is Fallback)
            .ToList();

        Assert.Empty(unmapped);
    }

    [Fact]
    public void OrderRideIntent_HasTheDestinationSlotOfThePlaceNameType()
    {
        var slot = Slots(Intent(TurnReader.OrderRideIntent)).Single(slot => (string?)slot["name"] == TurnReader.DestinationSlot);

        Assert.Equal(PlaceNameSlotType.Name, (string?)slot["type"]);
    }

    [Theory]
    [InlineData("OrderRideIntent")]
    [InlineData("PriceCheckIntent")]
    public void RideRequests_HaveTheDestinationAndRideTypeSlots(string intent)
    {
        var slots = Slots(Intent(intent)).ToDictionary(slot => (string)slot["name"]!, slot => (string?)slot["type"]);

        Assert.Equal(PlaceNameSlotType.Name, slots[TurnReader.DestinationSlot]);
        Assert.Equal("RIDE_TYPE", slots[TurnReader.RideTypeSlot]);
    }

    [Fact]
    public void RideTypeSlotType_HasTheProviderContractsIdsAndTheSynonymsRidersSay()
    {
        var values = Model["types"]!.AsArray().Single(type => (string?)type!["name"] == "RIDE_TYPE")!["values"]!.AsArray();
        var synonyms = values.ToDictionary(
            value => (string)value!["id"]!,
            value => value!["name"]!["synonyms"]!.AsArray().Select(synonym => (string)synonym!).ToList());

        Assert.Equal(["premium", "standard", "xl"], synonyms.Keys.Order());
        Assert.All(synonyms.Keys, id => Assert.NotNull(RideTypeReader.FromId(id)));
        Assert.Contains("an XL", synonyms["xl"]);
        Assert.Contains("a big car", synonyms["xl"]);
        Assert.Contains("something nice", synonyms["premium"]);
    }

    [Theory]
    [InlineData("RideStatusIntent", "where is my ride")]
    [InlineData("RideStatusIntent", "where's my driver")]
    [InlineData("RideStatusIntent", "when will my car get here")]
    [InlineData("RideStatusIntent", "where my ride is")]
    [InlineData("CancelRideIntent", "cancel my ride")]
    [InlineData("CancelRideIntent", "cancel the car")]
    [InlineData("PriceCheckIntent", "how much is a ride to {destination}")]
    [InlineData("PriceCheckIntent", "what would a ride to {destination} cost")]
    [InlineData("OrderRideIntent", "I want an {rideType}")]
    [InlineData("OrderRideIntent", "get me an {rideType} to {destination}")]
    public void NewIntents_IncludeWhatRidersSay(string intent, string sample) =>
        Assert.Contains(sample, Samples(Intent(intent)));

    [Fact]
    public void CancelAlone_IsNeverARideCancellation()
    {
        // "cancel" is AMAZON.CancelIntent ("stop what you're doing"); only a sentence naming the ride cancels one.
        Assert.DoesNotContain("cancel", Samples(Intent(TurnReader.CancelRideIntent)));
        Assert.All(Samples(Intent(TurnReader.CancelRideIntent)), sample => Assert.NotEqual("cancel", sample.Trim()));
        Assert.Empty(Samples(Intent("AMAZON.CancelIntent")));
    }

    [Fact]
    public void OrderRideIntent_CoversOneShotAndLaunchFirstRequests()
    {
        var samples = Samples(Intent(TurnReader.OrderRideIntent)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.True(samples.Count >= 15, $"OrderRideIntent has {samples.Count} sample utterances; keep at least 15.");
        // Launch-first: "Where would you like to go?" "The Space Needle."
        Assert.Contains("{destination}", samples);
        // One-shot: "Alexa, ask Ride Hailer for a ride to the Space Needle."
        Assert.Contains("a ride to {destination}", samples);
        Assert.Contains("take me to {destination}", samples);
    }

    [Fact]
    public void ChoosePlaceIntent_TakesAPositionAsAnOrdinalAndThePlaceAsFreeWords()
    {
        var slots = Slots(Intent(TurnReader.ChoosePlaceIntent)).ToDictionary(slot => (string)slot["name"]!, slot => (string?)slot["type"]);

        Assert.Equal("AMAZON.Ordinal", slots[TurnReader.PositionSlot]);
        Assert.Equal(PlaceNameSlotType.Name, slots[TurnReader.PlaceSlot]);
        Assert.Contains("the {position} one", Samples(Intent(TurnReader.ChoosePlaceIntent)));
        Assert.Contains("the one in {place}", Samples(Intent(TurnReader.ChoosePlaceIntent)));
    }

    [Fact]
    public void RideHomeIntent_IsAskedForWithoutADestinationSlot()
    {
        Assert.Empty(Slots(Intent(TurnReader.RideHomeIntent)));
        Assert.Contains("take me home", Samples(Intent(TurnReader.RideHomeIntent)));
    }

    [Fact]
    public void Utterances_ReferenceOnlyTheirIntentsSlots()
    {
        var undeclared = Intents()
            .SelectMany(intent => Samples(intent).SelectMany(sample => SlotReference().Matches(sample)
                .Select(match => match.Groups["slot"].Value)
                .Where(slot => !SlotNames(intent).Contains(slot))
                .Select(slot => $"{intent["name"]}: '{sample}' uses {{{slot}}}")))
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void EverySlot_IsUsedByAnUtterance()
    {
        var unused = Intents()
            .SelectMany(intent => SlotNames(intent)
                .Where(slot => !Samples(intent).Any(sample => sample.Contains($"{{{slot}}}", StringComparison.Ordinal)))
                .Select(slot => $"{intent["name"]}.{slot}"))
            .ToList();

        Assert.Empty(unused);
    }

    [Fact]
    public void Utterances_UseOnlyWordsApostrophesAndSlots()
    {
        // The model build rejects digits and punctuation other than apostrophes in sample utterances.
        var invalid = Intents().SelectMany(Samples).Where(sample => !ValidUtterance().IsMatch(sample)).ToList();

        Assert.Empty(invalid);
    }

    [Fact]
    public void Utterances_AreNotRepeatedAcrossTheModel()
    {
        var repeated = Intents().SelectMany(Samples)
            .GroupBy(sample => sample, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToList();

        Assert.Empty(repeated);
    }

    [Fact]
    public void SlotTypes_AreBuiltInOrDeclaredAndEveryDeclaredTypeIsUsed()
    {
        var declared = Model["types"]!.AsArray().Select(type => (string)type!["name"]!).ToHashSet(StringComparer.Ordinal);
        var used = Intents().SelectMany(Slots).Select(slot => (string)slot["type"]!).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(used, type => !type.StartsWith("AMAZON.", StringComparison.Ordinal) && !declared.Contains(type));
        Assert.DoesNotContain(declared, type => !used.Contains(type));
    }

    [Fact]
    public void CustomIntents_HaveSampleUtterances()
    {
        var withoutSamples = Intents()
            .Where(intent => !((string)intent["name"]!).StartsWith("AMAZON.", StringComparison.Ordinal) && !Samples(intent).Any())
            .Select(intent => (string)intent["name"]!)
            .ToList();

        Assert.Empty(withoutSamples);
    }

    private static Turn? ReadTurn(string intent)
    {
        var body = AlexaRequests.Envelope(AlexaRequests.Intent(intent)).Bytes();
        Assert.True(AlexaRequestParser.TryParse(body, out var request, out var reason), reason);
        return TurnReader.Read(request);
    }

    private static IEnumerable<JsonObject> Intents() => Model["intents"]!.AsArray().Select(intent => intent!.AsObject());

    private static List<string> IntentNames() => [.. Intents().Select(intent => (string)intent["name"]!)];

    private static JsonObject Intent(string name) => Intents().Single(intent => (string?)intent["name"] == name);

    private static IEnumerable<JsonObject> Slots(JsonObject intent) =>
        intent["slots"]?.AsArray().Select(slot => slot!.AsObject()) ?? [];

    private static HashSet<string> SlotNames(JsonObject intent) =>
        Slots(intent).Select(slot => (string)slot["name"]!).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Samples(JsonObject intent) =>
        intent["samples"]?.AsArray().Select(sample => (string)sample!) ?? [];

    [GeneratedRegex(@"\{(?<slot>[^{}]*)\}")]
    private static partial Regex SlotReference();

    [GeneratedRegex(@"^(?:[A-Za-z']+|\{[A-Za-z_]+\})(?: (?:[A-Za-z']+|\{[A-Za-z_]+\}))*$")]
    private static partial Regex ValidUtterance();
}
