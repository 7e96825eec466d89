using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using RideHailer.Skill.Alexa.Enrich;
using RideHailer.Skill.Alexa.Enrich.Identity;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support.Identity;
using RideHailer.Tests.Support.Verification;

namespace RideHailer.Tests.Alexa.Identity;

/// <summary>Tokens from a real issuer on loopback, validated by the identity the skill registers.</summary>
public sealed class OpenIdConnectRiderIdentityTests : IAsyncLifetime
{
    private const int TokenRejectedEvent = 82;
    private const int IssuerUnreachableEvent = 83;

    private readonly RecordingLogger<OpenIdConnectRiderIdentity> _logger = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddRiderIdentity().BuildServiceProvider();
    private LocalIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await LocalIssuer.StartAsync();

    public async Task DisposeAsync()
    {
        await _issuer.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task ValidToken_IsTheRiderNamedByIssuerAndSubject()
    {
        var identity = Identity();

        var first = await identity.ResolveRiderIdAsync(Account(_issuer.Token("rider-1")), default);
        var again = await identity.ResolveRiderIdAsync(Account(_issuer.Token("rider-1")), default);
        var other = await identity.ResolveRiderIdAsync(Account(_issuer.Token("rider-2")), default);

        Assert.Equal(RiderIds.FromSubject(_issuer.Issuer + "#rider-1"), first);
        Assert.Equal(first, again);
        Assert.NotNull(other);
        Assert.NotEqual(first, other);
        Assert.DoesNotContain(_logger.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task ValidTokens_FetchDiscoveryAndKeysOnce()
    {
        var identity = Identity();

        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(await identity.ResolveRiderIdAsync(Account(_issuer.Token()), default));
        }

        Assert.Equal(2, _issuer.Requests);
    }

    [Fact]
    public async Task ExpiredWithinTheClockSkew_IsStillAccepted()
    {
        var token = _issuer.Token(notBefore: DateTime.UtcNow.AddHours(-1), expires: DateTime.UtcNow.AddSeconds(-20));

        Assert.NotNull(await Identity().ResolveRiderIdAsync(Account(token), default));
    }

    public static TheoryData<string> RejectedTokens() =>
    [
        "expired", "not yet valid", "wrong audience", "wrong issuer", "signed by another key with the issuer's key id",
        "signed by an unknown key", "unsigned (alg none)", "not a JWT", "no subject",
        "PS256 with the issuer's key", "HS256 with the issuer's public key as the secret", "another token type",
    ];

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task RejectedToken_IsNotLinkedAndLogsTheKindButNotTheToken(string kind)
    {
        var (token, expectedFailure) = Rejected(kind);

        var riderId = await Identity().ResolveRiderIdAsync(Account(token), default);

        Assert.Null(riderId);
        var warning = Assert.Single(_logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Equal(TokenRejectedEvent, warning.EventId.Id);
        Assert.Contains($"({expectedFailure},", warning.Message, StringComparison.Ordinal);
        AssertDoesNotQuote(warning.Message, token);
    }

    [Fact]
    public async Task IssuerUnreachable_IsNotLinkedAndLogsAWarning()
    {
        var token = _issuer.Token();
        var identity = Identity(authority: $"http://127.0.0.1:{UnusedPort()}");

        var riderId = await identity.ResolveRiderIdAsync(Account(token), default);

        Assert.Null(riderId);
        var warning = Assert.Single(_logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Equal(IssuerUnreachableEvent, warning.EventId.Id);
        Assert.Contains("is unreachable (SocketException)", warning.Message, StringComparison.Ordinal);
        AssertDoesNotQuote(warning.Message, token);
    }

    [Fact]
    public async Task IssuerDownAfterTheKeysWereFetched_StillValidatesWithTheCachedKeys()
    {
        var identity = Identity();
        var token = _issuer.Token();
        Assert.NotNull(await identity.ResolveRiderIdAsync(Account(token), default));

        await _issuer.DisposeAsync();
        _issuer = await LocalIssuer.StartAsync();

        Assert.NotNull(await identity.ResolveRiderIdAsync(Account(token), default));
    }

    [Fact]
    public async Task RotatedKey_TheFirstTokenSignedWithTheNewKeyIsAccepted()
    {
        var identity = Identity();
        var before = await identity.ResolveRiderIdAsync(Account(_issuer.Token()), default);

        _issuer.RotateKey();
        var after = await identity.ResolveRiderIdAsync(Account(_issuer.Token()), default);

        Assert.NotNull(before);
        Assert.Equal(before, after);
        Assert.DoesNotContain(_logger.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task UnknownKeys_DoNotMakeTheSkillFetchTheKeysForEveryToken()
    {
        var identity = Identity();
        Assert.NotNull(await identity.ResolveRiderIdAsync(Account(_issuer.Token()), default));
        var fetched = _issuer.Requests;

        for (var i = 0; i < 20; i++)
        {
            Assert.Null(await identity.ResolveRiderIdAsync(Account(_issuer.Token(signingKey: LocalIssuer.NewKey())), default));
        }

        // One refresh by the skill and one by the ConfigurationManager, two documents each, at most.
        Assert.InRange(_issuer.Requests - fetched, 2, 4);
    }

    [Fact]
    public async Task CancelledCaller_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Identity().ResolveRiderIdAsync(Account(_issuer.Token()), cancelled.Token));
    }

    private (string Token, string Failure) Rejected(string kind)
    {
        var now = DateTime.UtcNow;
        return kind switch
        {
            "expired" => (_issuer.Token(notBefore: now.AddHours(-1), expires: now.AddMinutes(-2)), "SecurityTokenExpiredException"),
            "not yet valid" => (_issuer.Token(notBefore: now.AddMinutes(2), expires: now.AddHours(1)), "SecurityTokenNotYetValidException"),
            "wrong audience" => (_issuer.Token(audience: "another-skill"), "SecurityTokenInvalidAudienceException"),
            "wrong issuer" => (_issuer.Token(issuer: "https://issuer.example"), "SecurityTokenInvalidIssuerException"),
            "signed by another key with the issuer's key id" =>
                (_issuer.Token(signingKey: LocalIssuer.NewKey(_issuer.SigningKey.KeyId)), "SecurityTokenInvalidSignatureException"),
            "signed by an unknown key" => (_issuer.Token(signingKey: LocalIssuer.NewKey()), "SecurityTokenSignatureKeyNotFoundException"),
            "unsigned (alg none)" => (_issuer.Token(signed: false), "SecurityTokenInvalidSignatureException"),
            "not a JWT" => ("opaque-token", "SecurityTokenMalformedException"),
            "no subject" => (_issuer.Token(subject: null), "MissingSubject"),
            "PS256 with the issuer's key" =>
                (_issuer.Token(algorithm: SecurityAlgorithms.RsaSsaPssSha256), "SecurityTokenInvalidSignatureException"),
            "HS256 with the issuer's public key as the secret" =>
                (_issuer.Token(signingKey: PublicKeyAsSecret(), algorithm: SecurityAlgorithms.HmacSha256), "SecurityTokenInvalidSignatureException"),
            "another token type" => (_issuer.Token(type: "logout+jwt"), "SecurityTokenInvalidTypeException"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private OpenIdConnectRiderIdentity Identity(string? authority = null) => new(
        Options.Create(new RiderIdentityOptions { Authority = authority ?? _issuer.Issuer, Audience = LocalIssuer.Audience }),
        _services.GetRequiredService<IHttpClientFactory>(),
        new HostingEnvironment { EnvironmentName = Environments.Development },
        TimeProvider.System,
        _logger);

    /// <summary>The classic key-confusion forgery: the issuer's public key, as published, used as an HMAC secret.</summary>
    private SymmetricSecurityKey PublicKeyAsSecret() =>
        new(System.Text.Encoding.ASCII.GetBytes(_issuer.SigningKey.Rsa.ExportSubjectPublicKeyInfoPem()))
        {
            KeyId = _issuer.SigningKey.KeyId,
        };

    private static LinkedAccount Account(string token) => new(token, "amzn1.ask.person.jane", IsPersonLink: true);

    private static void AssertDoesNotQuote(string message, string token)
    {
        Assert.DoesNotContain(token, message, StringComparison.Ordinal);
        foreach (var part in token.Split('.').Where(part => part.Length > 0))
        {
            Assert.DoesNotContain(part, message, StringComparison.Ordinal);
        }
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
