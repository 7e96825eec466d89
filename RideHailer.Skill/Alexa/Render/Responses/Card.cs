using System.Text.Json.Serialization;

namespace RideHailer.Skill.Alexa.Render.Responses;

[JsonDerivedType(typeof(SimpleCard))]
[JsonDerivedType(typeof(StandardCard))]
[JsonDerivedType(typeof(LinkAccountCard))]
[JsonDerivedType(typeof(AskForPermissionsConsentCard))]
public abstract record Card
{
    public abstract string Type { get; }
}

public sealed record SimpleCard(string Title, string Content) : Card
{
    [JsonPropertyOrder(-1)]
    public override string Type => "Simple";
}

public sealed record StandardCard(string Title, string Text, CardImage? Image) : Card
{
    [JsonPropertyOrder(-1)]
    public override string Type => "Standard";
}

public sealed record CardImage(string? SmallImageUrl, string? LargeImageUrl);

/// <summary>Shown in the Alexa app so the user can link their Ride Hailer account.</summary>
public sealed record LinkAccountCard : Card
{
    [JsonPropertyOrder(-1)]
    public override string Type => "LinkAccount";
}

/// <summary>Asks, in the Alexa app, for the permissions the user did not grant by voice.</summary>
public sealed record AskForPermissionsConsentCard(IReadOnlyList<string> Permissions) : Card
{
    [JsonPropertyOrder(-1)]
    public override string Type => "AskForPermissionsConsent";
}
