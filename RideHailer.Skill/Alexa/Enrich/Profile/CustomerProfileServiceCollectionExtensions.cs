using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace RideHailer.Skill.Alexa.Enrich.Profile;

public static class CustomerProfileServiceCollectionExtensions
{
    /// <summary>The category prefix of IHttpClientFactory's own request logs (<c>System.Net.Http.HttpClient.{name}.…</c>).</summary>
    public const string HttpClientLogCategory = "System.Net.Http.HttpClient";

    /// <summary>
    /// One attempt's limit. The reads run in parallel inside the turn's budget (Session:ReplyTimeout, 6 s, of Alexa's
    /// 8 s), after the rider's token is resolved and before the orchestration's turn: two attempts and a pause fit.
    /// </summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>All attempts of one read together, the pause between them included.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(3.5);

    /// <summary>
    /// Attempts, all failed, within <see cref="BreakerSamplingDuration"/> after which an API host stops being called for
    /// <see cref="BreakDuration"/>: the rider hears the outage at once instead of after the timeouts.
    /// </summary>
    public const int BreakerMinimumThroughput = 10;

    public static readonly TimeSpan BreakerSamplingDuration = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Registers <see cref="CustomerProfileClient"/> as a typed client that never follows a redirect: the request carries
    /// the rider's <c>apiAccessToken</c>, and a redirect would send it (or read the rider's name) from a place the
    /// allowed-endpoint check never saw. A 3xx reaches the client as a failure, "not known now". Its calls go through
    /// the standard resilience pipeline: per-attempt and total timeouts, one retry of a transient failure (5xx, 408,
    /// 429, no connection, an attempt timed out) for GETs only, and a circuit breaker per API host.
    /// </summary>
    public static IServiceCollection AddCustomerProfileClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // IHttpClientFactory logs each request's full URL at Information, and the Device Address call's URL holds the
        // device id: the factory's request logs are kept to Warning and above, for every client of the skill.
        services.Configure<LoggerFilterOptions>(filters => filters.AddFilter(HttpClientLogCategory, LogLevel.Warning));
        services.AddHttpClient<CustomerProfileClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(15),
            })
            .AddStandardResilienceHandler(Configure)
            // Alexa has an API host per region: one region's outage must not silence the others.
            .SelectPipelineByAuthority();
        return services;
    }

    private static void Configure(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = AttemptTimeout;
        options.TotalRequestTimeout.Timeout = TotalTimeout;
        options.Retry.MaxRetryAttempts = 1;
        options.Retry.BackoffType = DelayBackoffType.Constant;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.UseJitter = true;
        // A Retry-After of seconds cannot be waited for inside a turn; the total timeout would end the wait anyway.
        options.Retry.ShouldRetryAfterHeader = false;
        // Only reads are repeated; the default transient predicate already leaves 403 (not granted) alone.
        options.Retry.DisableForUnsafeHttpMethods();
        options.CircuitBreaker.FailureRatio = 1.0;
        options.CircuitBreaker.MinimumThroughput = BreakerMinimumThroughput;
        options.CircuitBreaker.SamplingDuration = BreakerSamplingDuration;
        options.CircuitBreaker.BreakDuration = BreakDuration;
    }
}
