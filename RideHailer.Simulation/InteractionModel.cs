using System.Text.Json.Nodes;

namespace RideHailer.Simulation;

/// <summary>
/// The parts of the skill's interaction model of one locale (<c>skill-package/interactionModels/custom/&lt;locale&gt;.json</c>,
/// embedded at build) that Alexa's language understanding uses: the invocation name, each intent's slots and sample
/// utterances, and the custom slot types with their values and synonyms.
/// </summary>
public sealed record InteractionModel(
    string InvocationName,
    IReadOnlyList<ModelIntent> Intents,
    IReadOnlyDictionary<string, SlotType> SlotTypes)
{
    private const string ResourcePrefix = "RideHailer.Simulation.Models.";

    private static readonly Dictionary<string, InteractionModel> Loaded = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The en-US model the skill package ships.</summary>
    public static InteractionModel EnUs => For("en-US");

    /// <summary>The locales the skill package has a model for ("de-DE", "en-AU", …).</summary>
    public static IReadOnlyList<string> Locales { get; } =
    [
        .. typeof(InteractionModel).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name => name[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The locale whose model this is (BCP 47, "de-DE"); its language picks how the resolver hears launch phrases.</summary>
    public string Locale { get; init; } = "en-US";

    /// <summary>The model the skill package ships for <paramref name="locale"/>.</summary>
    public static InteractionModel For(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(locale, out var model))
            {
                model = Load(Locales.FirstOrDefault(known => string.Equals(known, locale, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ArgumentException($"The skill package has no interaction model for {locale}; it has {string.Join(", ", Locales)}.", nameof(locale)));
                Loaded[locale] = model;
            }

            return model;
        }
    }

    public static InteractionModel Parse(string json, string locale = "en-US")
    {
        var model = JsonNode.Parse(json)?["interactionModel"]?["languageModel"]
            ?? throw new InvalidDataException("The interaction model has no interactionModel.languageModel.");
        var intents = model["intents"]!.AsArray().Select(intent => new ModelIntent(
            (string)intent!["name"]!,
            [.. intent["slots"]?.AsArray().Select(slot => new ModelSlot((string)slot!["name"]!, (string)slot["type"]!)) ?? []],
            [.. intent["samples"]?.AsArray().Select(sample => (string)sample!) ?? []]));
        var german = SpokenLanguage.IsGerman(locale);
        var types = model["types"]?.AsArray().Select(type => new SlotType(
            (string)type!["name"]!,
            [.. type["values"]!.AsArray().Select(value => new SlotTypeValue(
                (string?)value!["id"],
                (string)value["name"]!["value"]!,
                [.. value["name"]!["synonyms"]?.AsArray().Select(synonym => (string)synonym!) ?? []]))],
            german)) ?? [];
        return new InteractionModel((string)model["invocationName"]!, [.. intents], types.ToDictionary(type => type.Name, StringComparer.Ordinal))
        {
            Locale = locale,
        };
    }

    private static InteractionModel Load(string locale)
    {
        var resource = ResourcePrefix + locale + ".json";
        using var stream = typeof(InteractionModel).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The interaction model resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), locale);
    }
}

/// <summary>An intent of the model: its slots and the sample utterances that express it.</summary>
public sealed record ModelIntent(string Name, IReadOnlyList<ModelSlot> Slots, IReadOnlyList<string> Samples);

public sealed record ModelSlot(string Name, string Type);
