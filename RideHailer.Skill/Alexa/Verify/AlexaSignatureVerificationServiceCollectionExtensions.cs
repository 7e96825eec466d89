using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace RideHailer.Skill.Alexa.Verify;

public static class AlexaSignatureVerificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AlexaSignatureVerifier"/> with a cached HTTP certificate source, trusting the system
    /// store unless <see cref="AlexaCertificateTrustOptions.CustomRoots"/> is configured.
    /// </summary>
    public static IServiceCollection AddAlexaSignatureVerification(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AlexaCertificateTrustOptions>();

        // The cache below is a singleton and keeps this typed client for the life of the app, so the handler is
        // never rotated by the factory; the pooled connection lifetime refreshes DNS instead.
        // Timeouts, the retry and the breaker are the resilience pipeline's (TurnResilience), so HttpClient's own
        // timeout is off: it would cut the pipeline's retry short.
        services.AddHttpClient<HttpCertificateChainSource>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(15),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(options => options.ForTurn(HttpCertificateChainSource.AttemptTimeout, HttpCertificateChainSource.Timeout))
            .SelectPipelineByAuthority();

        services.TryAddSingleton<ICertificateChainSource>(provider => new CachingCertificateChainSource(
            provider.GetRequiredService<HttpCertificateChainSource>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<AlexaSignatureVerifier>();
        return services;
    }
}
