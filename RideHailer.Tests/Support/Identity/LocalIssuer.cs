using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RideHailer.Simulation;

namespace RideHailer.Tests.Support.Identity;

/// <summary>
/// A real OpenID Connect issuer on loopback: a discovery document and a JWKS holding one generated RSA key,
/// which <see cref="RotateKey"/> replaces; <see cref="Token"/> mints JWTs as the issuer would.
/// </summary>
internal sealed class LocalIssuer : IAsyncDisposable
{
    public const string Audience = "ride-hailer-skill";

    private readonly WebApplication _app;
    private int _requests;

    private LocalIssuer(WebApplication app, int port)
    {
        _app = app;
        Issuer = $"http://127.0.0.1:{port}";
    }

    /// <summary>The issuer identifier: the <c>RiderIdentity:Authority</c> setting, and every token's <c>iss</c>.</summary>
    public string Issuer { get; }

    public RsaSecurityKey SigningKey { get; private set; } = NewKey();

    /// <summary>How many times the discovery document or the key set was fetched.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<LocalIssuer> StartAsync()
    {
        LocalIssuer? issuer = null;
        var (app, port) = await LoopbackServer.StartAsync(
            HttpProtocols.Http1, _ => { }, app => app.Run(context => issuer!.ServeAsync(context)), CancellationToken.None);
        issuer = new LocalIssuer(app, port);
        return issuer;
    }

    public static RsaSecurityKey NewKey(string? keyId = null)
    {
        var rsa = RSA.Create(2048);
        // RSA.Create generates the key on its first use. Generated here, not in the first key-set response: on a loaded
        // machine a 2048-bit key takes longer than the skill's 1 s per fetch attempt, and the skill rightly took the
        // issuer for unreachable (a token the issuer's key never signed reached the fetch first).
        rsa.ExportParameters(includePrivateParameters: false);
        return new RsaSecurityKey(rsa) { KeyId = keyId ?? "key-" + Guid.NewGuid().ToString("N")[..8] };
    }

    /// <summary>The issuer starts signing with a new key and publishes only that one.</summary>
    public void RotateKey() => SigningKey = NewKey();

    public string Token(
        string? subject = "rider-1",
        string audience = Audience,
        string? issuer = null,
        DateTime? notBefore = null,
        DateTime? expires = null,
        SecurityKey? signingKey = null,
        bool signed = true,
        string algorithm = SecurityAlgorithms.RsaSha256,
        string? type = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        if (subject is not null)
        {
            claims[JwtRegisteredClaimNames.Sub] = subject;
        }

        var validFrom = notBefore ?? now.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = validFrom,
            NotBefore = validFrom,
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = signed ? new SigningCredentials(signingKey ?? SigningKey, algorithm) : null,
            TokenType = type,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task ServeAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var document = context.Request.Path.Value switch
        {
            "/.well-known/openid-configuration" => new JsonObject
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = $"{Issuer}/jwks",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            },
            "/jwks" => new JsonObject { ["keys"] = new JsonArray(PublicJwk(SigningKey)) },
            _ => null,
        };
        if (document is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(document.ToJsonString());
    }

    private static JsonObject PublicJwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
