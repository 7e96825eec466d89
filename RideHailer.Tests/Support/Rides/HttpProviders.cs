using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Tests.Support.Rides;

/// <summary>The skill's <see cref="IRideProvider"/> as <c>RideProvider:Kind=Http</c> registers it, pointed at a base URL.</summary>
internal sealed class HttpProviders : IDisposable
{
    private readonly ServiceProvider _services;

    public HttpProviders(string baseUrl, string apiKey = ProviderStandIn.ApiKey)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RideProvider:Kind"] = "Http",
            ["RideProvider:BaseUrl"] = baseUrl,
            ["RideProvider:ApiKey"] = apiKey,
            ["RideProvider:WebhookSecret"] = "test-webhook-secret",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        services.AddSingleton<RideHailerMetrics>();
        services.AddRideProvider(configuration);
        _services = services.BuildServiceProvider();
        Provider = _services.GetRequiredService<IRideProvider>();
    }

    public IRideProvider Provider { get; }

    public IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();
}
