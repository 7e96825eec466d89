using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RideHailer.Skill.Telemetry;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RideHailerMetrics"/> on the host's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>.
    /// Nothing is exported until the host listens to the <see cref="RideHailerMetrics.MeterName"/> meter
    /// (the Functions app does, through OpenTelemetry, when Application Insights is configured).
    /// </summary>
    public static IServiceCollection AddRideHailerMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton<RideHailerMetrics>();
        return services;
    }
}
