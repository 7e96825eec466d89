using System.Text.Json.Serialization;

namespace RideHailer.Skill.Alexa.Render.Responses;

[JsonDerivedType(typeof(PlainTextSpeech))]
[JsonDerivedType(typeof(SsmlSpeech))]
public abstract record OutputSpeech
{
    public abstract string Type { get; }
}

public sealed record PlainTextSpeech(string Text) : OutputSpeech
{
    [JsonPropertyOrder(-1)]
    public override string Type => "PlainText";
}

/// <summary>SSML speech; <see cref="Ssml"/> includes the enclosing <c>&lt;speak&gt;</c> element.</summary>
public sealed record SsmlSpeech(string Ssml) : OutputSpeech
{
    [JsonPropertyOrder(-1)]
    public override string Type => "SSML";
}
