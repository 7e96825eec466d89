using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask.Testing;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost;

internal static class DurableBackendServiceCollectionExtensions
{
    /// <summary>
    /// The session workflow on a Durable Task worker and client in this process. InMemory runs at most
    /// ProcessorCount orchestration work items at once and backs off 500 ms when saturated: right for one
    /// developer, not for load.
    /// </summary>
    public static IServiceCollection AddDurableBackend(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DurableOptions.SectionName).Get<DurableOptions>() ?? new DurableOptions();
        if (options.Backend != DurableBackend.InMemory)
        {
            throw new InvalidOperationException(
                $"Durable:Backend={options.Backend} is not available yet; use InMemory (the default).");
        }

        services.AddSingleton(options);
        services.AddInMemoryDurableTask(
            registry => registry.AddRideSession(),
            new InMemoryDurableTaskOptions { Port = FreeLoopbackPort() });
        return services;
    }

    // The package picks a random port when given none, which can collide; ask the OS for a free one.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
