using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Rides.Http;

namespace RideHailer.Skill.Rides;

public static class RideProviderServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>RideProvider</c> settings (validated at start) and the <see cref="IRideProvider"/> they choose:
    /// the built-in fleet, or <see cref="HttpRideProvider"/> for <c>RideProvider:Kind=Http</c>. A provider registered
    /// before this call (a test's double) is kept.
    /// </summary>
    public static IServiceCollection AddRideProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RideProviderOptions>().Bind(configuration.GetSection(RideProviderOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RideProviderOptions>, RideProviderOptionsValidator>());
        services.TryAddSingleton(FleetTariff.Standard);
        services.TryAddSingleton<LocalFleet>();
        services.AddHttpRideProvider();
        services.TryAddSingleton<IRideProvider>(provider =>
            provider.GetRequiredService<IOptions<RideProviderOptions>>().Value.Kind == RideProviderKind.Http
                ? provider.GetRequiredService<HttpRideProvider>()
                : provider.GetRequiredService<LocalFleet>());
        return services;
    }
}
