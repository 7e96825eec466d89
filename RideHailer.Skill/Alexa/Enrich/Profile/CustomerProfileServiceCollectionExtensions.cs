using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Skill.Alexa.Enrich.Profile;

public static class CustomerProfileServiceCollectionExtensions
{
    /// <summary>The category prefix of IHttpClientFactory's own request logs (<c>System.Net.Http.HttpClient.{name}.…</c>).</summary>
    public const string HttpClientLogCategory = "System.Net.Http.HttpClient";

    /// <summary>One attempt's limit: Alexa's APIs answer in well under a second when they are up.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    /// <summary>All attempts of one read together, the pause between them included (see <see cref="TurnResilience"/>).</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(2.1);

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
            .AddStandardResilienceHandler(options => options.ForTurn(AttemptTimeout, TotalTimeout))
            // Alexa has an API host per region: one region's outage must not silence the others.
            .SelectPipelineByAuthority();
        return services;
    }
}
