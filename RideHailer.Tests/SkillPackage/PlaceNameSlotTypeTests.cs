using System.Text;
using System.Text.Json.Nodes;
using RideHailer.Domain.Places;
using RideHailer.Skill.Places;
using RideHailer.Tests.Support.SkillPackage;

namespace RideHailer.Tests.SkillPackage;

/// <summary>
/// One source of truth for destinations: the Domain's places catalog. The interaction model's slot values
/// are checked against it (not generated at build time), so the committed model is always what Alexa gets.
/// </summary>
public sealed class PlaceNameSlotTypeTests
{
    [Fact]
    public void PlaceNameValues_EqualThePlacesCatalog()
    {
        var expected = PlaceNameSlotType.ValuesOf(PlaceCatalog.Default);
        var actual = PlaceNameSlotType.ValuesIn(PlaceNameType());

        var differences = Differences(expected, actual);

        Assert.True(differences.Count == 0, FailureMessage(differences, expected));
    }

    [Fact]
    public void EveryValueNameAndSynonym_MatchesItsPlaceInTheCatalog()
    {
        // When Alexa fills the slot without entity resolution, the Domain matches the spoken text itself.
        var mismatches = new List<string>();
        foreach (var value in PlaceNameSlotType.ValuesIn(PlaceNameType()))
        {
            foreach (var said in value.Synonyms.Prepend(value.Name))
            {
                var found = PlaceCatalog.Default.TryMatch(said, out var place) ? place.Id : "nothing";
                if (found != value.Id)
                {
                    mismatches.Add($"'{said}' (value {value.Id}) matches {found}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void GermanPlaceNameValues_AreTheCatalogsGermanNames()
    {
        var expected = PlaceNameSlotType.ValuesOf(PlaceCatalog.Default, "de");
        var actual = PlaceNameSlotType.ValuesIn(PlaceNameType("de-DE"));

        var differences = Differences(expected, actual);

        Assert.True(differences.Count == 0, string.Join('\n', differences));
        Assert.Equal("Flughafen Heathrow", actual.Single(value => value.Id == "heathrow-airport").Name);
    }

    [Fact]
    public void EveryGermanValueNameAndSynonym_MatchesItsPlaceInTheCatalog()
    {
        // German riders' words reach the Domain as said when Alexa fills the slot without entity resolution.
        var mismatches = PlaceNameSlotType.ValuesIn(PlaceNameType("de-DE"))
            .SelectMany(value => value.Synonyms.Prepend(value.Name).Select(said => (said, value.Id)))
            .Where(named => !PlaceCatalog.Default.TryMatch(named.said, out var place) || place.Id != named.Id)
            .Select(named => $"'{named.said}' (value {named.Id})")
            .ToList();

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Differences_NameEveryKindOfDisagreement()
    {
        // The check above must fail for each way the model can drift from the catalog.
        SlotValue[] catalog =
        [
            new("space-needle", "Space Needle", ["the Space Needle", "needle"]),
            new("lumen-field", "Lumen Field", ["seahawks stadium"]),
            new("kerry-park", "Kerry Park", []),
        ];
        SlotValue[] model =
        [
            new("space-needle", "Space Needle", ["needle", "the Space Needle"]),
            new("lumen-field", "Lumen Stadium", ["seahawks stadium", "qwest field"]),
            new("safeco-field", "Safeco Field", []),
        ];

        var differences = Differences(catalog, model);

        Assert.Equal(
        [
            "kerry-park: in the catalog, missing from the model",
            "safeco-field: in the model, not in the catalog",
            "lumen-field: name is 'Lumen Stadium', the catalog says 'Lumen Field'",
            "lumen-field: synonyms not in the catalog: 'qwest field'",
        ], differences);
    }

    [Fact]
    public void FailureMessage_PrintsTheValuesToPaste()
    {
        var expected = PlaceNameSlotType.ValuesOf(PlaceCatalog.Default);

        var message = FailureMessage(["x"], expected);
        var pasted = new JsonObject { ["values"] = JsonNode.Parse(message[(message.IndexOf("\n[", StringComparison.Ordinal) + 1)..]) };

        Assert.Equivalent(expected, PlaceNameSlotType.ValuesIn(pasted), strict: true);
    }

    [Fact]
    public void Synonyms_AreTheSpokenNameAndAliasesWithoutTheNameOrRepeats()
    {
        var place = new Place("pike-place-market", "Pike Place Market", "Pike Place Market", new GeoPoint(47.6097, -122.3422),
            "Seattle", ["pike place", "Pike Place", "the market", "pike place market"]);

        var value = Assert.Single(PlaceNameSlotType.ValuesOf(new PlaceCatalog([place])));

        Assert.Equal("pike-place-market", value.Id);
        Assert.Equal("Pike Place Market", value.Name);
        Assert.Equal(["pike place", "the market"], value.Synonyms);
    }

    internal static List<string> Differences(IReadOnlyList<SlotValue> catalog, IReadOnlyList<SlotValue> model)
    {
        var expected = catalog.ToDictionary(value => value.Id, StringComparer.Ordinal);
        var actual = model.ToDictionary(value => value.Id, StringComparer.Ordinal);
        var differences = new List<string>();
        differences.AddRange(expected.Keys.Where(id => !actual.ContainsKey(id)).Select(id => $"{id}: in the catalog, missing from the model"));
        differences.AddRange(actual.Keys.Where(id => !expected.ContainsKey(id)).Select(id => $"{id}: in the model, not in the catalog"));
        foreach (var (id, want) in expected)
        {
            if (!actual.TryGetValue(id, out var have))
            {
                continue;
            }

            if (have.Name != want.Name)
            {
                differences.Add($"{id}: name is '{have.Name}', the catalog says '{want.Name}'");
            }

            var extra = have.Synonyms.Except(want.Synonyms, StringComparer.Ordinal).ToList();
            var missing = want.Synonyms.Except(have.Synonyms, StringComparer.Ordinal).ToList();
            if (extra.Count > 0)
            {
                differences.Add($"{id}: synonyms not in the catalog: {Quoted(extra)}");
            }

            if (missing.Count > 0)
            {
                differences.Add($"{id}: synonyms missing from the model: {Quoted(missing)}");
            }
        }

        return differences;
    }

    private static string FailureMessage(IEnumerable<string> differences, IEnumerable<SlotValue> expected)
    {
        var message = new StringBuilder()
            .AppendLine($"{SkillPackageFiles.EnUsModelPath} disagrees with PlaceCatalog.Default (RideHailer.Domain/Places/KnownPlaces.cs):");
        foreach (var difference in differences)
        {
            message.AppendLine("  " + difference);
        }

        return message
            .AppendLine($"The catalog is the source of truth. Replace the \"values\" of the {PlaceNameSlotType.Name} type with:")
            .Append(PlaceNameSlotType.ToJson(expected))
            .ToString();
    }

    private static JsonObject PlaceNameType(string locale = "en-US") =>
        SkillPackageFiles.LanguageModel(locale)["types"]!.AsArray()
            .Single(type => (string?)type!["name"] == PlaceNameSlotType.Name)!.AsObject();

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(value => $"'{value}'"));
}
