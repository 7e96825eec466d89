using System.Text.Json.Serialization;

namespace RideHailer.Skill.Alexa.Render.Responses;

[JsonDerivedType(typeof(StartConnectionDirective))]
public abstract record Directive
{
    public abstract string Type { get; }
}

/// <summary>Hands the conversation to an Amazon-owned task; Alexa answers with a <c>SessionResumedRequest</c>.</summary>
public sealed record StartConnectionDirective(string Uri, ConnectionInput Input, string? Token) : Directive
{
    [JsonPropertyOrder(-1)]
    public override string Type => "Connections.StartConnection";
}

[JsonDerivedType(typeof(AskForPermissionsConsentInput))]
[JsonDerivedType(typeof(VerifyPersonInput))]
public abstract record ConnectionInput;
