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
        var slot = Assert.Single(Slots(Intent(TurnReader.OrderRideIntent)));

        Assert.Equal(TurnReader.DestinationSlot, (string?)slot["name"]);
        Assert.Equal(PlaceNameSlotType.Name, (string?)slot["type"]);
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
