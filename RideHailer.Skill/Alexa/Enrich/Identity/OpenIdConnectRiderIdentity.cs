using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Skill.Alexa.Enrich.Identity;

/// <summary>
/// A linked rider is the <c>sub</c> of a JWT that the configured OpenID Connect issuer signed for the configured
/// audience. Issuer and signing keys come from the issuer's discovery document and JWKS, cached and refreshed by
/// <see cref="ConfigurationManager{T}"/>, and fetched again at once for a token signed with a key the cache lacks.
/// Anything that is not such a token, and an issuer that cannot be reached, means "not linked": the rider is asked to
/// link the account, and the request never fails.
/// </summary>
internal sealed partial class OpenIdConnectRiderIdentity : IRiderIdentity
{
    public const string HttpClientName = "RiderIdentity";

    /// <summary>
    /// One document (discovery or JWKS), both attempts together: both are fetched inside the turn budget on a cold
    /// start (see <see cref="TurnResilience"/>).
    /// </summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(1.2);

    /// <summary>One attempt at one document; a fast failure leaves room for the one retry.</summary>
    public static readonly TimeSpan FetchAttemptTimeout = TimeSpan.FromSeconds(1);

    /// <summary>A discovery document or key set is a few KB; anything far larger is not one.</summary>
    public const int MaxDocumentBytes = 256 * 1024;

    /// <summary>Room for clock drift between the issuer and this host, and no more.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>How often a token whose key is not in the cached set may make the skill fetch the keys again.</summary>
    public static readonly TimeSpan KeyRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly HttpDocumentRetriever _documents;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration;
    private readonly ThrottledFetch<OpenIdConnectConfiguration?> _freshConfiguration;
    private readonly TokenValidationParameters _parameters;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ILogger<OpenIdConnectRiderIdentity> _logger;

    public OpenIdConnectRiderIdentity(
        IOptions<RiderIdentityOptions> options,
        IHttpClientFactory httpClients,
        IHostEnvironment environment,
        TimeProvider timeProvider,
        ILogger<OpenIdConnectRiderIdentity> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(environment);
        _logger = logger;

        var settings = options.Value;
        var authority = new Uri(settings.Authority!.Trim(), UriKind.Absolute);
        _documents = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
        {
            RequireHttps = !RiderIdentityOptionsValidator.IsDevelopmentLoopbackHttp(authority, environment),
        };
        _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(
            MetadataAddress(authority), new OpenIdConnectConfigurationRetriever(), _documents)
        {
            RefreshInterval = KeyRefreshInterval,
        };
        _freshConfiguration = new(FetchConfigurationAsync, KeyRefreshInterval, timeProvider);

        // Issuer and keys are set per validation from the configuration that validation uses (ParametersFor), never
        // through TokenValidationParameters.ConfigurationManager: given one, the handler starts a background refresh
        // of its own on an unknown key and writes to the parameters it was handed, so the outcome would depend on
        // which of two concurrent refreshes finished first. Lifetimes are checked against the system clock (the
        // library takes no time provider).
        _parameters = new TokenValidationParameters
        {
            ValidAudience = settings.Audience,
            ClockSkew = ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            // Pinned, so another token of the same issuer and audience (another algorithm, another type) does not pass.
            ValidAlgorithms = settings.EffectiveAlgorithms,
            ValidTypes = settings.EffectiveTokenTypes,
        };
    }

    public async Task<string?> ResolveRiderIdAsync(LinkedAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        cancellationToken.ThrowIfCancellationRequested();
        if (await CachedConfigurationAsync(cancellationToken) is not { } cached)
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(account.AccessToken, ParametersFor(cached));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            result = await ValidateWithFreshKeysAsync(account.AccessToken, cancellationToken) ?? result;
        }

        return RiderIdFrom(result, account);
    }

    /// <summary>
    /// A <c>sub</c> is unique only within its issuer (OpenID Connect Core §2), so the id is the hash of both:
    /// after a change of provider, riders of the new issuer can never land on someone else's bookings.
    /// An issuer identifier has no fragment, so '#' cannot be part of it and the pair cannot be read two ways.
    /// </summary>
    internal static string RiderIdFor(string issuer, string subject) => RiderIds.FromSubject($"{issuer}#{subject}");

    private string? RiderIdFrom(TokenValidationResult result, LinkedAccount account)
    {
        if (!result.IsValid)
        {
            Log.TokenRejected(_logger, result.Exception?.GetType().Name ?? "Invalid", account.IsPersonLink);
            return null;
        }

        if (result.SecurityToken is not JsonWebToken { Subject.Length: > 0 } token)
        {
            Log.TokenRejected(_logger, "MissingSubject", account.IsPersonLink);
            return null;
        }

        return RiderIdFor(token.Issuer, token.Subject);
    }

    /// <summary>
    /// The token names a key the cached set lacks: the issuer may have rotated its keys. The ConfigurationManager
    /// refreshes only in the background, so the rider holding the first token signed with the new key would be told
    /// to link again; this fetches the current keys for that request itself (throttled, see
    /// <see cref="KeyRefreshInterval"/>) and validates with them alone. The ConfigurationManager is asked to catch up
    /// for the tokens after this one, but this answer never depends on when it does.
    /// </summary>
    private async Task<TokenValidationResult?> ValidateWithFreshKeysAsync(string token, CancellationToken cancellationToken)
    {
        _configuration.RequestRefresh();
        if (await _freshConfiguration.LatestAsync().WaitAsync(cancellationToken) is not { } fresh)
        {
            return null;
        }

        return await _handler.ValidateTokenAsync(token, ParametersFor(fresh));
    }

    /// <summary>
    /// A copy per validation: the handler writes to the parameters it is given (RefreshBeforeValidation,
    /// ValidateWithLKG), and concurrent requests would share them.
    /// </summary>
    private TokenValidationParameters ParametersFor(OpenIdConnectConfiguration configuration)
    {
        var parameters = _parameters.Clone();
        parameters.ValidIssuer = configuration.Issuer;
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        return parameters;
    }

    /// <summary>
    /// The cached (or, the first time, freshly loaded) discovery document and keys. An issuer that is down is logged
    /// as such here; the handler would swallow the failure and report the token's issuer as invalid instead.
    /// </summary>
    private async Task<OpenIdConnectConfiguration?> CachedConfigurationAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _configuration.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(ex);
            return null;
        }
    }

    // Shared by concurrent requests, so no one caller's cancellation stops it; the client's resilience pipeline bounds it.
    private async Task<OpenIdConnectConfiguration?> FetchConfigurationAsync()
    {
        try
        {
            return await OpenIdConnectConfigurationRetriever.GetAsync(_configuration.MetadataAddress, _documents, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogUnreachable(ex);
            return null;
        }
    }

    // The library wraps the cause twice (InvalidOperationException, IOException); the innermost one says what
    // happened: SocketException (refused), TimeoutException, IOException (an HTTP error status).
    private void LogUnreachable(Exception exception) =>
        Log.IssuerUnreachable(_logger, _configuration.MetadataAddress, exception.GetBaseException().GetType().Name);

    private static string MetadataAddress(Uri authority) =>
        authority.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration";

    private static partial class Log
    {
        // The failure kind is an exception type name or a fixed word; the token, its claims and the library's
        // messages (which can quote the token) are never logged.
        [LoggerMessage(EventId = 82, Level = LogLevel.Warning,
            Message = "Linked-account token rejected ({FailureKind}, person link: {IsPersonLink}); the rider is treated as not linked")]
        public static partial void TokenRejected(ILogger logger, string failureKind, bool isPersonLink);

        [LoggerMessage(EventId = 83, Level = LogLevel.Warning,
            Message = "Rider identity issuer {MetadataAddress} is unreachable ({FailureKind}); the rider is treated as not linked")]
        public static partial void IssuerUnreachable(ILogger logger, string metadataAddress, string failureKind);
    }
}
