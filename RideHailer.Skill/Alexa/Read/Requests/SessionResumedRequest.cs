using System.Text.Json;
using System.Text.Json.Serialization;

namespace RideHailer.Skill.Alexa.Read.Requests;

/// <summary>Sent when a skill connection (consent or PIN) hands control back to the skill.</summary>
public sealed record SessionResumedRequest(ConnectionCause? Cause) : SkillRequest;

/// <summary>
/// <see cref="Result"/> stays raw: its shape depends on which connection completed, and the
/// connection is known only from <see cref="Token"/>.
/// </summary>
public sealed record ConnectionCause(string? Type, string? Token, ConnectionStatus? Status, JsonElement? Result);

public sealed record ConnectionStatus(
    [property: JsonConverter(typeof(StatusCodeConverter))] string? Code,
    string? Message);

/// <summary>The <c>result</c> of <c>AMAZON.AskForPermissionsConsent/2</c>.</summary>
public sealed record ConsentResult(string? Status, List<RequestedScope>? PermissionScopes);

/// <summary>The <c>result</c> of <c>AMAZON.VerifyPerson/2</c>.</summary>
public sealed record PinResult(string? Status, string? Reason);
