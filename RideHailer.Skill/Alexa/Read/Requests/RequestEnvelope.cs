using System.Text.Json;
using System.Text.Json.Serialization;

namespace RideHailer.Skill.Alexa.Read.Requests;

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

/// <summary>
/// <c>user.permissions</c>. Alexa reports only some scopes in <c>scopes</c> (the geolocation scope); the map is
/// kept raw and read tolerantly, so a status Alexa adds later, a null or a malformed entry means "unknown".
/// </summary>
public sealed record AlexaPermissions(string? ConsentToken, JsonElement Scopes)
{
    public ScopeStatus StatusOf(string scope) =>
        Scopes.ValueKind == JsonValueKind.Object &&
        Scopes.TryGetProperty(scope, out var grant) && grant.ValueKind == JsonValueKind.Object &&
        grant.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
            ? status.ValueEquals("GRANTED"u8) ? ScopeStatus.Granted
            : status.ValueEquals("DENIED"u8) ? ScopeStatus.Denied
            : ScopeStatus.Unknown
            : ScopeStatus.Unknown;
}

public sealed record AlexaContext(
    [property: JsonPropertyName("System")] SystemContext? System,
    [property: JsonPropertyName("Geolocation")] GeolocationContext? Geolocation);
