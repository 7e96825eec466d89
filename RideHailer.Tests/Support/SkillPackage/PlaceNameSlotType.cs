using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RideHailer.Domain.Places;
using RideHailer.Skill.Places;

namespace RideHailer.Tests.Support.SkillPackage;

/// <summary>
/// The interaction model's destination slot type as the places catalog defines it: one value per place,
/// id = <see cref="Place.Id"/>, name = its name in the model's language (<see cref="Place.Name"/> in English),
/// synonyms = everything else riders of that language call it (without repeats and without the name itself). The committed model must equal this; the failure message
/// of <see cref="PlaceNameSlotTypeTests"/> prints <see cref="ToJson"/> so the fix is a paste.
/// </summary>
internal static class PlaceNameSlotType
{
    public const string Name = "PlaceName";

    private static readonly JsonSerializerOptions Printing = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        // Keep "Fisherman's Wharf" readable instead of "Fisherman\u0027s Wharf"; the output is a file we commit.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The values of the model of <paramref name="language"/> ("en", "de").</summary>
    public static IReadOnlyList<SlotValue> ValuesOf(PlaceCatalog catalog, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.All.Select(place => ValueOf(place, language))];
    }

    /// <summary>Reads the values of a slot type from an interaction model's <c>types</c> entry.</summary>
    public static IReadOnlyList<SlotValue> ValuesIn(JsonObject slotType) =>
        [.. slotType["values"]!.AsArray().Select(value => new SlotValue(
            (string)value!["id"]!,
            (string)value["name"]!["value"]!,
            value["name"]!["synonyms"]?.AsArray().Select(synonym => (string)synonym!).ToList() ?? []))];

    /// <summary>The <c>values</c> array as it belongs in the interaction model file.</summary>
    public static string ToJson(IEnumerable<SlotValue> values)
    {
        var array = new JsonArray([.. values.Select(value => (JsonNode)new JsonObject
        {
            ["id"] = value.Id,
            ["name"] = new JsonObject
            {
                ["value"] = value.Name,
                ["synonyms"] = new JsonArray([.. value.Synonyms.Select(synonym => (JsonNode)JsonValue.Create(synonym))]),
            },
        })]);
        return array.ToJsonString(Printing);
    }

    /// <summary>
    /// English: the name, then the spoken name, aliases and short name. Another language: its name for the place where
    /// it has one, then its other names for it, then the English ones (its riders say "Space Needle" too).
    /// </summary>
    private static SlotValue ValueOf(Place place, string language)
    {
        var name = place.NameIn(language);
        IEnumerable<string?> english = [place.SpokenName, .. place.Aliases, place.ShortName];
        var said = place.NamesByLanguage.TryGetValue(language, out var names)
            ? [.. names.Aliases, names.ShortName, place.Name, .. english]
            : english;
        var synonyms = said
            .OfType<string>()
            .Where(synonym => !string.IsNullOrWhiteSpace(synonym) && !string.Equals(synonym, name, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new SlotValue(place.Id, name, synonyms);
    }
}

/// <summary>One custom slot value: Alexa resolves the name or any synonym to the id.</summary>
internal sealed record SlotValue(string Id, string Name, IReadOnlyList<string> Synonyms);
