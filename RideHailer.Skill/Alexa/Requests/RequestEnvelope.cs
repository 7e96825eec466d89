using System.Text.Json;
using System.Text.Json.Serialization;

namespace RideHailer.Skill.Alexa.Requests;

/// <summary>
/// The body Alexa posts to the skill. <see cref="Request"/> stays raw until its <c>type</c> is known,
/// so an unknown request type parses as unsupported instead of failing.
/// </summary>
public sealed record RequestEnvelope(
    string? Version,
    AlexaSession? Session,
    AlexaContext? Context,
    JsonElement Request);

public sealed record AlexaSession(
    bool New,
    string? SessionId,
    AlexaApplication? Application,
    AlexaUser? User,
    Dictionary<string, JsonElement>? Attributes);

public sealed record AlexaApplication(string? ApplicationId);

public sealed record AlexaUser(string? UserId, string? AccessToken, AlexaPermissions? Permissions);

public sealed record AlexaPermissions(string? ConsentToken, Dictionary<string, ScopeGrant>? Scopes);

public sealed record ScopeGrant(string? Status)
{
    public const string Granted = "GRANTED";

    public bool IsGranted => string.Equals(Status, Granted, StringComparison.Ordinal);
}

public sealed record AlexaContext(
    [property: JsonPropertyName("System")] SystemContext? System,
    [property: JsonPropertyName("Geolocation")] GeolocationContext? Geolocation);
