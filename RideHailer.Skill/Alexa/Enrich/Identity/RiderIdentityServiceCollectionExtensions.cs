using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Skill.Alexa.Enrich.Identity;

internal static class RiderIdentityServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRiderIdentity"/>: <see cref="OpenIdConnectRiderIdentity"/> when
    /// <c>RiderIdentity:Authority</c> is set, else <see cref="AlexaUserRiderIdentity"/>; and the start-up line
    /// saying which. Chosen from the validated options, so the choice and the line always agree. An earlier
    /// registration (a test double) is kept. The options themselves are registered with the skill's others.
    /// </summary>
    public static IServiceCollection AddRiderIdentity(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The identity is a singleton and keeps its client for the life of the app, so the factory never rotates
        // the handler; the pooled connection lifetime refreshes DNS instead.
        // Timeouts, the retry of a failed GET and a breaker per issuer host are the resilience pipeline's; HttpClient's
        // own timeout is off, as it would cut the retry short. What the pipeline does not do, sharing one fetch among
        // concurrent requests and fetching at most once a minute for unknown keys, stays in ThrottledFetch.
        services.AddHttpClient(OpenIdConnectRiderIdentity.HttpClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = OpenIdConnectRiderIdentity.MaxDocumentBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(options =>
                options.ForTurn(OpenIdConnectRiderIdentity.FetchAttemptTimeout, OpenIdConnectRiderIdentity.FetchTimeout))
            .SelectPipelineByAuthority();

        services.TryAddSingleton<IRiderIdentity>(provider =>
            provider.GetRequiredService<IOptions<RiderIdentityOptions>>().Value.UsesIssuer
                ? ActivatorUtilities.CreateInstance<OpenIdConnectRiderIdentity>(provider)
                : new AlexaUserRiderIdentity());
        services.AddHostedService<RiderIdentityNotice>();
        return services;
    }
}
