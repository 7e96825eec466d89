using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RideHailer.Domain.Places;
using RideHailer.Skill.Places;

namespace RideHailer.DevHost.Publishing;

/// <summary>
/// Turns the one source (<see cref="InteractionModelSource"/>) into an interaction model per locale, so the six
/// models cannot drift: the same intents, slots and slot types in each, the samples of the locale's language plus its
/// substitutions, and the place slot's values read from the built-in catalog (a place added there is a value here).
/// </summary>
internal static partial class InteractionModelGenerator
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Each locale's model file, as it is checked in (two-space JSON and a final newline).</summary>
    public static IReadOnlyDictionary<string, string> Generate(InteractionModelSource source, PlaceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(catalog);
        var models = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, locale) in source.Locales)
        {
            models[locale] = Write(Model(source, catalog, language, locale));
        }

        return models;
    }

    /// <summary>Writes every model to <paramref name="folder"/>; the file names written, in order.</summary>
    public static IReadOnlyList<string> WriteTo(string folder, IReadOnlyDictionary<string, string> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        Directory.CreateDirectory(folder);
        foreach (var (locale, json) in models)
        {
            File.WriteAllText(Path.Combine(folder, $"{locale}.json"), json);
        }

        return [.. models.Keys.Select(locale => $"{locale}.json")];
    }

    /// <summary>
    /// How the files in <paramref name="folder"/> differ from <paramref name="models"/>: per file, missing, or the
    /// first lines that differ with their numbers; empty when every file is current.
    /// </summary>
    public static IReadOnlyList<string> Differences(string folder, IReadOnlyDictionary<string, string> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var differences = new List<string>();
        foreach (var (locale, json) in models)
        {
            var path = Path.Combine(folder, $"{locale}.json");
            if (!File.Exists(path))
            {
                differences.Add($"{locale}.json: missing");
                continue;
            }

            if (LineDifferences(File.ReadAllText(path), json) is { Length: > 0 } lines)
            {
                differences.Add($"{locale}.json: not what the source generates\n{lines}");
            }
        }

        return differences;
    }

    private static JsonObject Model(InteractionModelSource source, PlaceCatalog catalog, string language, string locale)
    {
        var substitutions = source.Json["substitutions"]?[locale] as JsonObject;
        var languageModel = new JsonObject
        {
            ["invocationName"] = InteractionModelSource.Text(source.Object("invocationName")[language], $"invocationName.{language}"),
            ["intents"] = new JsonArray([.. source.Intents().Select(intent => (JsonNode)Intent(intent, language, substitutions))]),
        };
        var types = source.Types().Select(type => (JsonNode)SlotType(type, language, catalog)).ToList();
        if (types.Count > 0)
        {
            languageModel["types"] = new JsonArray([.. types]);
        }

        foreach (var (name, value) in source.Json.Where(property => property.Key == "modelConfiguration"))
        {
            languageModel[name] = value?.DeepClone();
        }

        var interactionModel = new JsonObject { ["languageModel"] = languageModel };
        foreach (var (name, value) in source.Json.Where(property => property.Key is "dialog" or "prompts"))
        {
            interactionModel[name] = value?.DeepClone();
        }

        return new JsonObject { ["interactionModel"] = interactionModel };
    }

    /// <summary>The intent as in the source (name, slots, anything else), with the locale's samples last.</summary>
    private static JsonObject Intent(JsonObject intent, string language, JsonObject? substitutions)
    {
        var generated = new JsonObject();
        foreach (var (name, value) in intent.Where(property => property.Key != "samples"))
        {
            generated[name] = value?.DeepClone();
        }

        var samples = intent["samples"]?[language] is JsonArray written
            ? written.Select((sample, index) => InteractionModelSource.Text(sample, $"{intent["name"]}.samples.{language}[{index}]")).ToList()
            : [];
        generated["samples"] = new JsonArray([.. Substituted(samples, substitutions).Select(sample => (JsonNode)JsonValue.Create(sample))]);
        return generated;
    }

    /// <summary>
    /// The samples, then for each substitution ("a ride": ["a lift"]) every sample holding its words again with each
    /// replacement; without repeats (ignoring case), in that order.
    /// </summary>
    internal static IReadOnlyList<string> Substituted(IReadOnlyList<string> samples, JsonObject? substitutions)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sample in samples)
        {
            Add(sample);
        }

        foreach (var (words, replacements) in substitutions ?? [])
        {
            var pattern = new Regex($@"(?<![\w{{}}']){Regex.Escape(words)}(?![\w{{}}'])", RegexOptions.CultureInvariant);
            foreach (var replacement in InteractionModelSource.Array(replacements, $"substitutions \"{words}\""))
            {
                var text = InteractionModelSource.Text(replacement, $"substitutions \"{words}\"[]");
                foreach (var sample in samples.Where(sample => pattern.IsMatch(sample)))
                {
                    Add(pattern.Replace(sample, text.Replace("$", "$$", StringComparison.Ordinal)));
                }
            }
        }

        return result;

        void Add(string sample)
        {
            if (seen.Add(sample))
            {
                result.Add(sample);
            }
        }
    }

    private static JsonObject SlotType(JsonObject type, string language, PlaceCatalog catalog)
    {
        var name = InteractionModelSource.Text(type["name"], "every type's \"name\"");
        JsonNode values = type["valuesFrom"] is { } from
            ? InteractionModelSource.Text(from, $"{name}.valuesFrom") == InteractionModelSource.PlaceCatalogValues
                ? CatalogValues(catalog, language)
                : throw new SkillPackageRefusedException(
                    $"{InteractionModelSource.RelativePath}: {name}.valuesFrom must be \"{InteractionModelSource.PlaceCatalogValues}\"; give other types \"values\".")
            : type["values"] switch
            {
                JsonArray shared => shared.DeepClone(),
                JsonObject byLanguage => InteractionModelSource.Array(byLanguage[language], $"{name}.values.{language}").DeepClone(),
                _ => throw new SkillPackageRefusedException(
                    $"{InteractionModelSource.RelativePath}: {name} needs \"values\" (an array, or an object by language) or \"valuesFrom\"."),
            };
        return new JsonObject { ["name"] = name, ["values"] = values };
    }

    /// <summary>
    /// One value per place: id = the place's stable id, name = its name in the model's language, synonyms = everything
    /// else riders of that language call it (without the name itself and without repeats), so Alexa resolves any of them
    /// to the id. English: the spoken name, the aliases and the short name. Another language ("de"): the place's names
    /// in it first, then the English ones, which its riders say too ("Space Needle", "Heathrow").
    /// </summary>
    internal static JsonArray CatalogValues(PlaceCatalog catalog, string language) =>
        new([.. catalog.All.Select(place => (JsonNode)new JsonObject
        {
            ["id"] = place.Id,
            ["name"] = new JsonObject
            {
                ["value"] = place.NameIn(language),
                ["synonyms"] = new JsonArray([.. Synonyms(place, language).Select(synonym => (JsonNode)JsonValue.Create(synonym))]),
            },
        })]);

    /// <summary>What else riders of <paramref name="language"/> call <paramref name="place"/> than its name there.</summary>
    internal static IEnumerable<string> Synonyms(Place place, string language)
    {
        var name = place.NameIn(language);
        var english = new[] { place.SpokenName }.Concat(place.Aliases).Append(place.ShortName);
        var spoken = place.NamesByLanguage.TryGetValue(language, out var names)
            ? names.Aliases.Append(names.ShortName).Append(place.Name).Concat(english)
            : english;
        return spoken
            .OfType<string>()
            .Where(synonym => !string.IsNullOrWhiteSpace(synonym) && !string.Equals(synonym, name, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private static string Write(JsonNode json)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            json.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Up to a few differing lines, "line N: checked in … / generated …"; empty when equal.</summary>
    private static string LineDifferences(string checkedIn, string generated)
    {
        const int Shown = 8;
        var have = checkedIn.ReplaceLineEndings("\n").Split('\n');
        var want = generated.Split('\n');
        var report = new StringBuilder();
        var shown = 0;
        for (var line = 0; line < Math.Max(have.Length, want.Length) && shown < Shown; line++)
        {
            var a = line < have.Length ? have[line] : "(end of file)";
            var b = line < want.Length ? want[line] : "(end of file)";
            if (a != b)
            {
                report.Append("  line ").Append(line + 1).Append(": checked in ").Append(a.Trim()).Append('\n')
                    .Append("  ").Append(' ', (line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 5)
                    .Append(" generated  ").Append(b.Trim()).Append('\n');
                shown++;
            }
        }

        return report.ToString();
    }
}
