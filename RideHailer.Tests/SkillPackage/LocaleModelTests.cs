using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RideHailer.Domain.Places;
using RideHailer.Simulation;
using RideHailer.Skill.Places;
using RideHailer.Tests.Support.SkillPackage;

namespace RideHailer.Tests.SkillPackage;

/// <summary>
/// Every locale the manifest publishes: its model is built like en-US's, its store listing names the skill in the
/// locale's language, and its example phrases are things the model understands.
/// </summary>
public sealed partial class LocaleModelTests
{
    private static readonly JsonObject Manifest = SkillPackageFiles.Manifest();

    private static readonly string[] Locales = [.. Manifest["publishingInformation"]!["locales"]!.AsObject().Select(locale => locale.Key)];

    public static TheoryData<string> PublishedLocales { get; } = [.. Locales];

    [Fact]
    public void TheSkill_IsPublishedInEveryEnglishMarketplaceAndGermany()
    {
        Assert.Equal(["de-DE", "en-AU", "en-CA", "en-GB", "en-IN", "en-US"], Locales.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["AU", "CA", "DE", "GB", "IN", "US"],
            Manifest["publishingInformation"]!["distributionCountries"]!.AsArray().Select(country => (string)country!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PublishedLocales))]
    public void EveryModel_HasEnUsIntentsSlotsAndSlotTypes(string locale)
    {
        var model = SkillPackageFiles.LanguageModel(locale);
        var american = SkillPackageFiles.LanguageModel("en-US");

        Assert.Equal(Shape(american), Shape(model));
        Assert.Equal((string?)american["invocationName"], (string?)model["invocationName"]);
    }

    [Theory]
    [MemberData(nameof(PublishedLocales))]
    public void EveryUtterance_IsWordsApostrophesAndItsIntentsSlots(string locale)
    {
        var bad = Intents(locale).SelectMany(intent => Samples(intent)
            .Where(sample => !ValidUtterance().IsMatch(sample)
                || SlotReference().Matches(sample).Any(slot => !SlotNames(intent).Contains(slot.Groups["slot"].Value)))
            .Select(sample => $"{intent["name"]}: '{sample}'")).ToList();

        Assert.Empty(bad);
    }

    [Theory]
    [MemberData(nameof(PublishedLocales))]
    public void NoUtterance_IsRepeatedAndEverySlotIsUsed(string locale)
    {
        var repeated = Intents(locale).SelectMany(Samples).GroupBy(sample => sample, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1).Select(group => group.Key);
        var unused = Intents(locale).SelectMany(intent => SlotNames(intent)
            .Where(slot => !Samples(intent).Any(sample => sample.Contains($"{{{slot}}}", StringComparison.Ordinal)))
            .Select(slot => $"{intent["name"]}.{slot}"));

        Assert.Empty(repeated);
        Assert.Empty(unused);
    }

    [Theory]
    [MemberData(nameof(PublishedLocales))]
    public void ExamplePhrases_AreWhatTheLocalesModelUnderstands(string locale)
    {
        // Certification rejects an example phrase the model cannot resolve: each one is heard as Alexa would hear it.
        var resolver = new UtteranceResolver(InteractionModel.For(locale));
        var examples = Published(locale)["examplePhrases"]!.AsArray().Select(phrase => (string)phrase!).ToList();

        Assert.InRange(examples.Count, 1, 3);
        Assert.All(examples, example =>
        {
            Assert.StartsWith("Alexa, ", example, StringComparison.Ordinal);
            Assert.Contains("Ride Hailer", example, StringComparison.Ordinal);
            var heard = resolver.Resolve(example);
            if (heard is IntentUtterance intent)
            {
                Assert.True(intent.IntentName == "OrderRideIntent", $"{locale}: '{example}' is heard as {intent.IntentName}");
                Assert.All(intent.Slots, slot => Assert.True(slot.Value is null || slot.IsResolved, $"{locale}: '{example}' names no known place"));
            }
            else
            {
                Assert.IsType<Launch>(heard);
            }
        });
        Assert.Contains(examples, example => example.StartsWith("Alexa, " + (locale == "de-DE" ? "öffne" : "open") + " Ride Hailer", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PublishedLocales))]
    public void ExamplePhrases_NameAPlaceOfTheLocalesMainCity_AndNoneElsewhere(string locale)
    {
        // A rider in London reads of Heathrow, not of the Space Needle: the listing's places are the locale's city's.
        var city = PlaceCatalog.Markets.Single(market => market.Locale == locale).City;
        var resolver = new UtteranceResolver(InteractionModel.For(locale));
        var places = Published(locale)["examplePhrases"]!.AsArray()
            .Select(phrase => resolver.Resolve((string)phrase!) is IntentUtterance intent ? intent.Slots.SingleOrDefault(slot => slot.Name == "destination")?.Match?.Id : null)
            .OfType<string>()
            .Select(id => PlaceCatalog.Default.TryGet(id, out var place) ? place.City : $"no place '{id}'")
            .ToList();

        Assert.NotEmpty(places);
        Assert.All(places, place => Assert.Equal(city, place));
    }

    [Theory]
    [MemberData(nameof(PublishedLocales))]
    public void TheHelpsExamples_OfEveryCity_AreWhatTheLocalesModelUnderstands(string locale)
    {
        // Help names a landmark and the airport of the rider's city, in the words its table says them: each must be a
        // sentence the locale's model resolves to that place, wherever the rider is.
        var resolver = new UtteranceResolver(InteractionModel.For(locale));
        var german = locale.StartsWith("de", StringComparison.Ordinal);
        foreach (var (landmark, airport) in PlaceCatalog.Markets.Select(market => (market.Examples.Landmark, market.Examples.Airport)))
        {
            (string Said, string Id)[] suggested = german
                ?
                [
                    ($"{GermanShort(landmark)}, bitte", landmark.Id),
                    ($"ein Taxi zum {GermanShort(airport)}", airport.Id),
                ]
                :
                [
                    ($"take me to {EnglishShort(landmark)}", landmark.Id),
                    ($"a ride to {EnglishShort(airport)}", airport.Id),
                    ($"how much is a ride to {EnglishShort(airport)}", airport.Id),
                ];
            // "zum" fits every airport German names "Flughafen …"; a landmark is said without an article ("…, bitte").
            Assert.True(!german || GermanShort(airport).StartsWith("Flughafen ", StringComparison.Ordinal), GermanShort(airport));
            Assert.All(suggested, example =>
            {
                var heard = Assert.IsType<IntentUtterance>(resolver.Resolve(example.Said));
                Assert.True(heard.Slots.Single(slot => slot.Name == "destination").Match?.Id == example.Id, $"{locale}: '{example.Said}' is not {example.Id}");
            });
        }

        static string EnglishShort(Place place) => place.ShortName ?? place.SpokenName;

        static string GermanShort(Place place) => place.NamesByLanguage.TryGetValue("de", out var names) ? names.ShortName ?? names.Name : place.Name;
    }

    [Theory]
    [MemberData(nameof(PublishedLocales))]
    public void EveryLocale_HasAStoreListing(string locale)
    {
        var published = Published(locale);

        Assert.Equal("Ride Hailer", (string?)published["name"]);
        Assert.InRange(((string?)published["summary"])?.Length ?? 0, 1, 160);
        Assert.InRange(((string?)published["description"])?.Length ?? 0, 1, 4000);
        Assert.InRange(published["keywords"]!.AsArray().Count, 1, 30);
        Assert.Equal((string?)Published("en-US")["smallIconUri"], (string?)published["smallIconUri"]);
    }

    [Fact]
    public void TheGermanListing_IsGermanInTheDuForm()
    {
        var german = Published("de-DE");

        Assert.Contains("deine", (string?)german["description"], StringComparison.Ordinal);
        Assert.Contains("Euro", (string?)german["description"], StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(Sie|Ihr|Ihre|Ihnen)\b", (string?)german["description"]);
        Assert.All(german["keywords"]!.AsArray(), keyword => Assert.DoesNotContain((string)keyword!, new[] { "ride", "car" }));
    }

    [Fact]
    public void OneEndpoint_ServesEveryRegion()
    {
        // Amazon sends a region's requests to apis.custom.regions.<NA|EU|FE> when one is given, else to the default
        // endpoint: one Function App answers every region, so the manifest lists none (README, locales).
        var custom = Manifest["apis"]!["custom"]!.AsObject();

        Assert.NotNull(custom["endpoint"]);
        Assert.False(custom.ContainsKey("regions"));
    }

    [Fact]
    public void TheRenderedPackage_HoldsEveryLocalesModelAsCheckedIn()
    {
        using var package = new RenderedSkillPackage();

        Assert.True(package.ExitCode == 0, package.Error);
        Assert.All(Locales, locale => Assert.Equal(
            File.ReadAllText(SkillPackageFiles.FullPath(SkillPackageFiles.ModelPath(locale))),
            File.ReadAllText(package.PathOf($"skill-package/interactionModels/custom/{locale}.json"))));
    }

    private static JsonNode Published(string locale) => Manifest["publishingInformation"]!["locales"]![locale]!;

    /// <summary>Intents with their slots and types, without the samples and values that are each language's own.</summary>
    private static string Shape(JsonObject model) => string.Join(
        "; ",
        model["intents"]!.AsArray().Select(intent => $"{intent!["name"]}({string.Join(",", intent["slots"]?.AsArray().Select(slot => $"{slot!["name"]}:{slot["type"]}") ?? [])})")
            .Concat(model["types"]?.AsArray().Select(type => $"type {type!["name"]}") ?? []));

    private static IEnumerable<JsonObject> Intents(string locale) =>
        SkillPackageFiles.LanguageModel(locale)["intents"]!.AsArray().Select(intent => intent!.AsObject());

    private static IEnumerable<string> Samples(JsonObject intent) => intent["samples"]?.AsArray().Select(sample => (string)sample!) ?? [];

    private static HashSet<string> SlotNames(JsonObject intent) =>
        intent["slots"]?.AsArray().Select(slot => (string)slot!["name"]!).ToHashSet(StringComparer.Ordinal) ?? [];

    /// <summary>Letters of any language (German's umlauts and ß), apostrophes and slot references: no digits, no other punctuation.</summary>
    [GeneratedRegex(@"^(?:[\p{L}']+|\{[A-Za-z_]+\})(?: (?:[\p{L}']+|\{[A-Za-z_]+\}))*$")]
    private static partial Regex ValidUtterance();

    [GeneratedRegex(@"\{(?<slot>[^{}]*)\}")]
    private static partial Regex SlotReference();
}
