using System.Text.Json.Nodes;

namespace RideHailer.Simulation;

/// <summary>
/// The parts of the skill's interaction model (<c>skill-package/interactionModels/custom/en-US.json</c>, embedded
/// at build) that Alexa's language understanding uses: the invocation name, each intent's slots and sample
/// utterances, and the custom slot types with their values and synonyms.
/// </summary>
public sealed record InteractionModel(
    string InvocationName,
    IReadOnlyList<ModelIntent> Intents,
    IReadOnlyDictionary<string, SlotType> SlotTypes)
{
    private const string ResourceName = "RideHailer.Simulation.en-US.json";

    /// <summary>The model the skill package ships.</summary>
    public static InteractionModel EnUs { get; } = Load();

    public static InteractionModel Parse(string json)
    {
        var model = JsonNode.Parse(json)?["interactionModel"]?["languageModel"]
            ?? throw new InvalidDataException("The interaction model has no interactionModel.languageModel.");
        var intents = model["intents"]!.AsArray().Select(intent => new ModelIntent(
            (string)intent!["name"]!,
            [.. intent["slots"]?.AsArray().Select(slot => new ModelSlot((string)slot!["name"]!, (string)slot["type"]!)) ?? []],
            [.. intent["samples"]?.AsArray().Select(sample => (string)sample!) ?? []]));
        var types = model["types"]?.AsArray().Select(type => new SlotType(
            (string)type!["name"]!,
            [.. type["values"]!.AsArray().Select(value => new SlotTypeValue(
                (string?)value!["id"],
                (string)value["name"]!["value"]!,
                [.. value["name"]!["synonyms"]?.AsArray().Select(synonym => (string)synonym!) ?? []]))])) ?? [];
        return new InteractionModel((string)model["invocationName"]!, [.. intents], types.ToDictionary(type => type.Name, StringComparer.Ordinal));
    }

    private static InteractionModel Load()
    {
        using var stream = typeof(InteractionModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The interaction model resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

/// <summary>An intent of the model: its slots and the sample utterances that express it.</summary>
public sealed record ModelIntent(string Name, IReadOnlyList<ModelSlot> Slots, IReadOnlyList<string> Samples);

public sealed record ModelSlot(string Name, string Type);
