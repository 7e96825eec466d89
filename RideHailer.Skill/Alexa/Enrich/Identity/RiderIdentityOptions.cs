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

    /// <summary>The signing algorithm the issuer uses when <see cref="ValidAlgorithms"/> is left empty.</summary>
    public static readonly IReadOnlyList<string> DefaultAlgorithms = ["RS256"];

    /// <summary>The token types (<c>typ</c>) of an ID token and of an RFC 9068 access token, when <see cref="ValidTokenTypes"/> is left empty.</summary>
    public static readonly IReadOnlyList<string> DefaultTokenTypes = ["JWT", "at+jwt"];

    /// <summary>
    /// The JWS algorithms (<c>alg</c>) the issuer signs with; empty means <see cref="DefaultAlgorithms"/>. Any other,
    /// even one the issuer's key could verify (PS256 with an RSA key), is refused, so no other kind of token passes.
    /// </summary>
    public IList<string> ValidAlgorithms { get; } = [];

    /// <summary>The token types (<c>typ</c> header) accepted; empty means <see cref="DefaultTokenTypes"/>.</summary>
    public IList<string> ValidTokenTypes { get; } = [];

    public IReadOnlyList<string> EffectiveAlgorithms => ValidAlgorithms.Count == 0 ? DefaultAlgorithms : [.. ValidAlgorithms];

    public IReadOnlyList<string> EffectiveTokenTypes => ValidTokenTypes.Count == 0 ? DefaultTokenTypes : [.. ValidTokenTypes];

    /// <summary>
    /// Whether an issuer is configured. An empty or blank value counts as unset: the deployment templates
    /// and local.settings.sample.json carry the setting with an empty value.
    /// </summary>
    public bool UsesIssuer => !string.IsNullOrWhiteSpace(Authority);
}
