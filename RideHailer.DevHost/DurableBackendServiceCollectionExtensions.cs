using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Worker;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost;

internal static class DurableBackendServiceCollectionExtensions
{
    /// <summary>
    /// The session workflow on a Durable Task worker and client in this process, talking gRPC to a sidecar
    /// over the chosen backend. InMemory runs at most ProcessorCount orchestration work items at once and
    /// backs off 500 ms when saturated: right for one developer, not for load.
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
        services.AddSingleton<InMemoryOrchestrationService>();
        services.AddSingleton<IOrchestrationService>(provider => provider.GetRequiredService<InMemoryOrchestrationService>());
        services.AddSingleton<IOrchestrationServiceClient>(provider => provider.GetRequiredService<InMemoryOrchestrationService>());

        // Registered before the worker so the sidecar is listening when the worker connects.
        var channel = new SidecarChannel();
        services.AddSingleton(channel);
        services.AddHostedService<DurableSidecar>();
        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(registry => registry.AddRideSession());
            worker.UseGrpc(channel.Channel);
        });
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel.Channel);
            client.RegisterDirectly();
        });
        return services;
    }
}
