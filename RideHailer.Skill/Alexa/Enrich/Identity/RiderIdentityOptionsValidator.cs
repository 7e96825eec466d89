using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Alexa.Enrich.Identity;

/// <summary>Fails start-up with a message naming the setting and how to fix it.</summary>
internal sealed class RiderIdentityOptionsValidator(IHostEnvironment environment) : IValidateOptions<RiderIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, RiderIdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasAudience = !string.IsNullOrWhiteSpace(options.Audience);
        if (!options.UsesIssuer)
        {
            // An audience alone is a half-done configuration: without this the skill would quietly keep
            // identifying riders by their Alexa ids.
            return hasAudience
                ? ValidateOptionsResult.Fail("RiderIdentity:Audience is set but RiderIdentity:Authority is not: set RiderIdentity__Authority to the OpenID Connect issuer the audience belongs to, or remove RiderIdentity__Audience.")
                : ValidateOptionsResult.Success;
        }

        List<string> failures = [];
        if (!Uri.TryCreate(options.Authority!.Trim(), UriKind.Absolute, out var authority) || !IsAllowedAuthority(authority))
        {
            failures.Add($"RiderIdentity:Authority '{options.Authority}' must be an OpenID Connect issuer's absolute https URL with no user info, query or fragment, e.g. https://login.example.com/ (http is accepted for a loopback host in the Development environment only; this is '{environment.EnvironmentName}'): set RiderIdentity__Authority to your issuer, or leave it empty to identify riders by a hash of their Alexa ids.");
        }

        if (!hasAudience)
        {
            failures.Add("RiderIdentity:Audience is required when RiderIdentity:Authority is set: set RiderIdentity__Audience to the audience (aud) your issuer puts in the tokens Alexa account linking receives.");
        }

        foreach (var algorithm in options.ValidAlgorithms.Where(algorithm => !AsymmetricAlgorithms.Contains(algorithm)))
        {
            failures.Add($"RiderIdentity:ValidAlgorithms entry '{algorithm}' is not an asymmetric JWS algorithm: list the one your issuer signs with (RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512), or remove the setting for RS256.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Keys come from the issuer's public JWKS: a symmetric algorithm (HS256) or none could only be forged against it.
    private static readonly HashSet<string> AsymmetricAlgorithms = new(StringComparer.Ordinal)
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
    };

    /// <summary>A local issuer on http, which only a developer's own machine may use.</summary>
    internal static bool IsDevelopmentLoopbackHttp(Uri authority, IHostEnvironment environment) =>
        authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback && environment.IsDevelopment();

    private bool IsAllowedAuthority(Uri authority) =>
        // No user info: the address is logged. No query or fragment: an issuer identifier has neither.
        string.IsNullOrEmpty(authority.UserInfo) && string.IsNullOrEmpty(authority.Query) && string.IsNullOrEmpty(authority.Fragment) &&
        (authority.Scheme == Uri.UriSchemeHttps || IsDevelopmentLoopbackHttp(authority, environment));
}
