using System.Text.Json.Nodes;

namespace RideHailer.DevHost.Publishing;

/// <summary>
/// <c>skill-package-source/interaction-model.json</c>, read: the language-neutral skeleton (intents, slot names,
/// slot type ids, model configuration, a dialog if any) with each intent's sample utterances per language, the
/// locales of each language, and each locale's substitutions ("a ride" → also "a lift" in en-GB). Every model file
/// of <c>skill-package/interactionModels/custom/</c> is generated from it (<see cref="InteractionModelGenerator"/>).
/// </summary>
internal sealed record InteractionModelSource(JsonObject Json)
{
    public const string RelativePath = "skill-package-source/interaction-model.json";

    /// <summary>The value of a slot type's <c>valuesFrom</c> that fills it from the built-in place catalog.</summary>
    public const string PlaceCatalogValues = "PlaceCatalog";

    /// <summary>The locales of each language ("en" → en-US, en-GB, …), in the source's order.</summary>
    public IReadOnlyList<(string Language, string Locale)> Locales =>
        [.. Object("languages").SelectMany(language => Array(language.Value, $"languages.{language.Key}")
            .Select(locale => (language.Key, Text(locale, $"languages.{language.Key}[]"))))];

    /// <summary>Reads and checks the source; a broken one is refused with what to fix.</summary>
    public static InteractionModelSource Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SkillPackageRefusedException($"No interaction model source at {path}. It lives in the repository at {RelativePath}; pass --source or run from the repository root.");
        }

        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new SkillPackageRefusedException($"{path} is not a JSON object.");
        }
        catch (System.Text.Json.JsonException broken)
        {
            throw new SkillPackageRefusedException($"{path} is not valid JSON: {broken.Message}");
        }

        var source = new InteractionModelSource(json);
        source.Check();
        return source;
    }

    public JsonObject Object(string name) =>
        Json[name] as JsonObject ?? throw new SkillPackageRefusedException($"{RelativePath}: \"{name}\" must be an object.");

    public IEnumerable<JsonObject> Intents() => Array(Json["intents"], "intents").Select(intent =>
        intent as JsonObject ?? throw new SkillPackageRefusedException($"{RelativePath}: every entry of \"intents\" must be an object."));

    public IEnumerable<JsonObject> Types() => Json["types"] is null
        ? []
        : Array(Json["types"], "types").Select(type =>
            type as JsonObject ?? throw new SkillPackageRefusedException($"{RelativePath}: every entry of \"types\" must be an object."));

    public static JsonArray Array(JsonNode? node, string where) =>
        node as JsonArray ?? throw new SkillPackageRefusedException($"{RelativePath}: {where} must be an array.");

    public static string Text(JsonNode? node, string where) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new SkillPackageRefusedException($"{RelativePath}: {where} must be a non-empty string.");

    /// <summary>
    /// Every language has an invocation name, and every custom intent has samples in every language: a model built
    /// without them would leave German riders unable to say what English riders can.
    /// </summary>
    private void Check()
    {
        var languages = Object("languages").Select(language => language.Key).ToList();
        var invocation = Object("invocationName");
        foreach (var language in languages)
        {
            Text(invocation[language], $"invocationName.{language}");
        }

        foreach (var intent in Intents())
        {
            var name = Text(intent["name"], "every intent's \"name\"");
            var samples = intent["samples"] as JsonObject;
            if (intent["samples"] is not null && samples is null)
            {
                throw new SkillPackageRefusedException(
                    $"{RelativePath}: {name}'s \"samples\" must be an object by language, e.g. \"samples\": {{ \"en\": [ … ], \"de\": [ … ] }}.");
            }

            if (name.StartsWith("AMAZON.", StringComparison.Ordinal))
            {
                continue;
            }

            var missing = languages.Where(language => samples?[language] is not JsonArray { Count: > 0 }).ToList();
            if (missing.Count > 0)
            {
                throw new SkillPackageRefusedException(
                    $"{RelativePath}: {name} has no samples in {string.Join(", ", missing.Select(language => $"\"{language}\""))}. "
                    + "Write its sample utterances for every language under \"samples\" before generating.");
            }
        }
    }
}
