using System.Text.Json;

namespace RideHailer.Skill.Alexa.Read.Requests;

/// <summary><c>context.System</c>: who is asking, from which device, and how to call Alexa's APIs back.</summary>
public sealed record SystemContext(
    AlexaApplication? Application,
    AlexaUser? User,
    AlexaDevice? Device,
    AlexaPerson? Person,
    string? ApiEndpoint,
    string? ApiAccessToken);

public sealed record AlexaDevice(string? DeviceId, Dictionary<string, JsonElement>? SupportedInterfaces)
{
    public bool Supports(string interfaceName) => SupportedInterfaces?.ContainsKey(interfaceName) == true;
}

/// <summary>The recognised speaker, present only when Alexa recognised a voice profile.</summary>
public sealed record AlexaPerson(
    string? PersonId,
    string? AccessToken,
    AuthenticationConfidenceLevel? AuthenticationConfidenceLevel);

public sealed record AuthenticationConfidenceLevel(int Level, CustomPolicy? CustomPolicy);

public sealed record CustomPolicy(string? PolicyName);
