using System.Text.Json.Serialization;
using RideHailer.Domain.Consent;

namespace RideHailer.Domain.Replies;

/// <summary>A skill connection the reply starts; the Skill layer maps it to Connections.StartConnection.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ConsentConnectionRequest), "consent")]
[JsonDerivedType(typeof(PinConnectionRequest), "pin")]
public abstract record ConnectionRequest(string Token);

/// <summary>connection://AMAZON.AskForPermissionsConsent/2 for these scopes.</summary>
public sealed record ConsentConnectionRequest(IReadOnlyList<ScopeRequest> Scopes, string Token) : ConnectionRequest(Token);

/// <summary>connection://AMAZON.VerifyPerson/2 with the given confidence level and policy.</summary>
public sealed record PinConnectionRequest(string Token) : ConnectionRequest(Token)
{
    /// <summary>requestedAuthenticationConfidenceLevel.level.</summary>
    public int ConfidenceLevel { get; init; } = 400;

    /// <summary>requestedAuthenticationConfidenceLevel.customPolicy.policyName.</summary>
    public string PolicyName { get; init; } = "VOICE_PIN";
}
