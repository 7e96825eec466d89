using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RideHailer.Skill.Alexa.Enrich.Profile;

public static class CustomerProfileServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CustomerProfileClient"/> as a typed client that never follows a redirect: the request carries
    /// the rider's <c>apiAccessToken</c>, and a redirect would send it (or read the rider's name) from a place the
    /// allowed-endpoint check never saw. A 3xx reaches the client as a failure, "not known now".
    /// </summary>
    /// <summary>The category prefix of IHttpClientFactory's own request logs (<c>System.Net.Http.HttpClient.{name}.…</c>).</summary>
    public const string HttpClientLogCategory = "System.Net.Http.HttpClient";

    public static IServiceCollection AddCustomerProfileClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // IHttpClientFactory logs each request's full URL at Information, and the Device Address call's URL holds the
        // device id: the factory's request logs are kept to Warning and above, for every client of the skill.
        services.Configure<LoggerFilterOptions>(filters => filters.AddFilter(HttpClientLogCategory, LogLevel.Warning));
        services.AddHttpClient<CustomerProfileClient>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(15),
            });
        return services;
    }
}
