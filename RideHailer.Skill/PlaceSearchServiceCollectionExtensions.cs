using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Domain.Places;
using RideHailer.Skill.Alexa.Enrich.Profile;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.Places;
using RideHailer.Skill.Places.AzureMaps;

namespace RideHailer.Skill;

/// <summary>
/// The place search's registration, at the root because it composes Places with the turn's resilience pipeline
/// (Alexa/Verify) and the skill's HTTP log filter (Alexa/Enrich): Places itself depends on the Domain alone.
/// </summary>
public static class PlaceSearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPlaceSearch"/> by <c>Places:Kind</c>: <see cref="PlaceCatalog.Default"/> (BuiltIn, the default)
    /// or <see cref="AzureMapsPlaceSearch"/> (AzureMaps), chosen from the validated <see cref="PlacesOptions"/> (registered
    /// with the skill's other options), and the start-up line saying which. An earlier registration (a test double) is
    /// kept. The Azure Maps client is a typed client that never follows a redirect (its request carries the key or a
    /// token), on the standard resilience pipeline as every outbound read of a turn uses it (<see cref="TurnResilience"/>):
    /// per-attempt and total timeouts, one retry of a transient failure (5xx, 408, 429, no connection, an attempt timed
    /// out) and a breaker for the endpoint.
    /// </summary>
    public static IServiceCollection AddPlaceSearch(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(PlaceCatalog.Default);

        // The request's URL holds what the rider said and where they are: IHttpClientFactory's own request logs (the full
        // URL at Information) are kept to Warning and above, as for every client of the skill.
        services.Configure<LoggerFilterOptions>(filters =>
            filters.AddFilter(CustomerProfileServiceCollectionExtensions.HttpClientLogCategory, LogLevel.Warning));

        // The search is a singleton and keeps its client for the life of the app, so the factory never rotates the
        // handler; the pooled connection lifetime refreshes DNS instead. Timeouts and the retry are the pipeline's; the
        // client's own timeout sits just above its total, to bound reading the body as well.
        services.AddHttpClient<AzureMapsPlaceSearch>(client =>
            {
                client.Timeout = AzureMapsPlaceSearch.ClientTimeout;
                client.MaxResponseContentBufferSize = AzureMapsPlaceSearch.MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(15),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(options => options.ForTurn(AzureMapsPlaceSearch.AttemptTimeout, AzureMapsPlaceSearch.TotalTimeout));

        // The app's identity, as the bookings store signs in: DefaultAzureCredential, with AZURE_CLIENT_ID (from any
        // configuration source) naming the user-assigned identity. Created only when a token is first needed.
        services.TryAddSingleton(provider => new AzureMapsToken(
            Credential(provider.GetService<IConfiguration>()),
            provider.GetService<TimeProvider>() ?? TimeProvider.System));

        services.TryAddSingleton<IPlaceSearch>(provider =>
            provider.GetRequiredService<IOptions<PlacesOptions>>().Value.Kind == PlacesKind.AzureMaps
                ? provider.GetRequiredService<AzureMapsPlaceSearch>()
                : provider.GetRequiredService<PlaceCatalog>());
        services.AddHostedService<PlacesNotice>();
        return services;
    }

    private static DefaultAzureCredential Credential(IConfiguration? configuration)
    {
        var options = new DefaultAzureCredentialOptions();
        if (configuration?["AZURE_CLIENT_ID"] is { } clientId && !string.IsNullOrWhiteSpace(clientId))
        {
            options.ManagedIdentityClientId = clientId.Trim();
        }

        return new DefaultAzureCredential(options);
    }
}
