using Microsoft.Extensions.DependencyInjection;

namespace RideHailer.Skill.Alexa.Enrich.Profile;

public static class CustomerProfileServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CustomerProfileClient"/> as a typed client that never follows a redirect: the request carries
    /// the rider's <c>apiAccessToken</c>, and a redirect would send it (or read the rider's name) from a place the
    /// allowed-endpoint check never saw. A 3xx reaches the client as a failure, "not known now".
    /// </summary>
    public static IServiceCollection AddCustomerProfileClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient<CustomerProfileClient>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(15),
            });
        return services;
    }
}
