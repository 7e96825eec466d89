using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RideHailer.Domain.Places;
using RideHailer.Skill.Places;

namespace RideHailer.Tests.Support.SkillPackage;

/// <summary>
/// The interaction model's destination slot type as the places catalog defines it: one value per place,
/// id = <see cref="Place.Id"/>, name = <see cref="Place.Name"/>, synonyms = spoken name and aliases
/// (without repeats and without the name itself). The committed model must equal this; the failure message
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

    public static IReadOnlyList<SlotValue> ValuesOf(PlaceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.All.Select(ValueOf)];
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

    private static SlotValue ValueOf(Place place)
    {
        var synonyms = new[] { place.SpokenName }
            .Concat(place.Aliases)
            .Where(synonym => !string.IsNullOrWhiteSpace(synonym) && !string.Equals(synonym, place.Name, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new SlotValue(place.Id, place.Name, synonyms);
    }
}

/// <summary>One custom slot value: Alexa resolves the name or any synonym to the id.</summary>
internal sealed record SlotValue(string Id, string Name, IReadOnlyList<string> Synonyms);
