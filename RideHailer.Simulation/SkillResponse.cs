using System.Text.Json.Nodes;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Simulation;

/// <summary>The parts of a skill's response JSON that Alexa acts on.</summary>
public sealed record SkillResponse(
    string? Speech,
    SkillCard? Card,
    StartConnection? Connection,
    bool? ShouldEndSession)
{
    /// <summary>Alexa closes the session on <c>true</c>, and keeps it open on <c>false</c> or while a connection runs.</summary>
    public bool EndsSession => ShouldEndSession == true;

    public static SkillResponse Parse(JsonNode envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var response = envelope["response"] ?? throw new InvalidDataException("The skill's answer has no response object.");
        return new SkillResponse(
            SpeechOf(response["outputSpeech"]),
            SkillCard.Parse(response["card"]),
            StartConnection.Parse(response["directives"]),
            response["shouldEndSession"]?.GetValue<bool>());
    }

    private static string? SpeechOf(JsonNode? speech) => (string?)speech?["type"] switch
    {
        "PlainText" => (string?)speech!["text"],
        "SSML" => (string?)speech!["ssml"],
        _ => null,
    };
}

/// <summary>A card for the Alexa app: its type and what it shows.</summary>
public sealed record SkillCard(string Type, string? Title, string? Content, IReadOnlyList<string> Permissions)
{
    public static SkillCard? Parse(JsonNode? card) => card is null
        ? null
        : new SkillCard(
            (string?)card["type"] ?? "?",
            (string?)card["title"],
            (string?)card["content"] ?? (string?)card["text"],
            [.. card["permissions"]?.AsArray().Select(scope => (string)scope!) ?? []]);
}

/// <summary>A <c>Connections.StartConnection</c> directive: the task Alexa is asked to run, and the token to echo.</summary>
public sealed record StartConnection(string Uri, string? Token, IReadOnlyList<RequestedScope> PermissionScopes, JsonNode? Input)
{
    public const string ConsentUri = ConnectionWords.ConsentUri;
    public const string PinUri = ConnectionWords.PinUri;

    public static StartConnection? Parse(JsonNode? directives)
    {
        var directive = directives?.AsArray().FirstOrDefault(d => (string?)d?["type"] == "Connections.StartConnection");
        if (directive is null)
        {
            return null;
        }

        var input = directive["input"];
        return new StartConnection(
            (string?)directive["uri"] ?? "",
            (string?)directive["token"],
            [.. input?["permissionScopes"]?.AsArray().Select(scope => new RequestedScope(
                (string)scope!["permissionScope"]!, (string?)scope["consentLevel"] ?? "ACCOUNT")) ?? []],
            input?.DeepClone());
    }
}

/// <summary>One entry of a consent request's <c>permissionScopes</c>.</summary>
public sealed record RequestedScope(string Scope, string ConsentLevel);
