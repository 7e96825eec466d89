namespace RideHailer.Skill.Alexa.Enrich.Identity;

/// <summary>
/// Where a linked rider's identity comes from. Unset, a rider is a hash of the Alexa person or user id
/// (<see cref="AlexaUserRiderIdentity"/>); set, the linked-account token must be a JWT from this issuer.
/// </summary>
public sealed class RiderIdentityOptions
{
    public const string SectionName = "RiderIdentity";

    /// <summary>The OpenID Connect issuer URL (https) whose JWTs identify riders; empty for the local default.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience (<c>aud</c>) those JWTs must carry; required when <see cref="Authority"/> is set.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// Whether an issuer is configured. An empty or blank value counts as unset: the deployment templates
    /// and local.settings.sample.json carry the setting with an empty value.
    /// </summary>
    public bool UsesIssuer => !string.IsNullOrWhiteSpace(Authority);
}
