using System.Text.Json;
using System.Text.Json.Serialization;

namespace RideHailer.Skill.Alexa.Render.Responses;

/// <summary>The JSON body the skill answers Alexa with.</summary>
public sealed record ResponseEnvelope(ResponseBody Response)
{
    [JsonPropertyOrder(-1)]
    public string Version { get; init; } = "1.0";

    public Dictionary<string, JsonElement>? SessionAttributes { get; init; }
}

/// <summary>
/// <see cref="ShouldEndSession"/> is tri-state: <see langword="null"/> leaves the key out of the JSON,
/// which Alexa requires whenever a <c>Connections.StartConnection</c> directive is present.
/// </summary>
public sealed record ResponseBody
{
    public OutputSpeech? OutputSpeech { get; init; }

    public Card? Card { get; init; }

    public Reprompt? Reprompt { get; init; }

    public IReadOnlyList<Directive>? Directives { get; init; }

    public bool? ShouldEndSession { get; init; }
}

public sealed record Reprompt(OutputSpeech OutputSpeech);
