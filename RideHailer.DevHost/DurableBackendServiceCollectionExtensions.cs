using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Places;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost;

public static class DurableBackendServiceCollectionExtensions
{
    /// <summary>
    /// The session workflow on a Durable Task worker and client in this process, talking gRPC to a sidecar
    /// over the chosen engine: in memory (default), or DurableTask.AzureStorage, which Azure Functions runs.
    /// </summary>
    /// <param name="tasks">The orchestrations and activities to host: the ride session unless a benchmark brings its own.</param>
    public static IServiceCollection AddDurableBackend(
        this IServiceCollection services, IConfiguration configuration, Action<DurableTaskRegistry>? tasks = null)
    {
        var section = configuration.GetSection(DurableOptions.SectionName);
        services.AddOptions<DurableOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DurableOptions>, DurableOptionsValidator>());
        // Saves are handed to waiting requests in the client's own serialization, so they read them as they would a fetched instance.
        services.AddSingleton(provider => new CommittedStateSignal(
            provider.GetRequiredService<IOptionsMonitor<DurableTaskClientOptions>>().Get(Options.DefaultName).DataConverter));
        // Durable:ReplyWait=Polling waits as the Functions host does (it cannot see saves), so the bench can measure that wait on this engine.
        if (Enum.TryParse<ReplyWait>(section[nameof(DurableOptions.ReplyWait)], ignoreCase: true, out var wait) && wait == ReplyWait.Polling)
        {
            services.AddSingleton<ISessionSignal, PollingOnly>();
        }
        else
        {
            services.AddSingleton<ISessionSignal>(provider => provider.GetRequiredService<CommittedStateSignal>());
        }

        // The engine is chosen while registering; a value that is not a backend falls to InMemory here and stops the host at start.
        var hub = configuration.GetSection(DurableTaskHubSettings.SectionName).Get<DurableTaskHubSettings>() ?? new DurableTaskHubSettings();
        services.AddSingleton(hub);
        if (Enum.TryParse<DurableBackend>(section[nameof(DurableOptions.Backend)], ignoreCase: true, out var backend)
            && backend == DurableBackend.AzureStorage)
        {
            services.AddSingleton(provider => new AzureStorageOrchestrationService(
                AzureStorageSettings(provider.GetRequiredService<IOptions<DurableOptions>>().Value, hub, provider)));
            services.AddSingleton<IOrchestrationService>(provider => new SaveReportingOrchestrationService(
                provider.GetRequiredService<AzureStorageOrchestrationService>(), provider.GetRequiredService<CommittedStateSignal>()));
            services.AddSingleton<IOrchestrationServiceClient>(provider => provider.GetRequiredService<AzureStorageOrchestrationService>());
        }
        else
        {
            // The engine itself takes only ProcessorCount work items at once; host.json's limits apply instead, as on Azure.
            services.AddSingleton<InMemoryOrchestrationService>();
            services.AddSingleton<IOrchestrationService>(provider => new SaveReportingOrchestrationService(
                provider.GetRequiredService<InMemoryOrchestrationService>(), provider.GetRequiredService<CommittedStateSignal>(), hub));
            services.AddSingleton<IOrchestrationServiceClient>(provider => provider.GetRequiredService<InMemoryOrchestrationService>());
        }

        // Registered before the worker so the sidecar is listening when the worker connects.
        var channel = new SidecarChannel();
        services.AddSingleton(channel);
        services.AddHostedService<DurableSidecar>();
        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(tasks ?? (registry => registry.AddRideSession(PlaceCatalog.Markets)));
            worker.UseGrpc(channel.Channel);
            // Each line once, under Microsoft.DurableTask.Worker.Grpc, instead of again under the broad Microsoft.DurableTask.
            worker.Configure(options => options.Logging.UseLegacyCategories = false);
        });
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel.Channel);
            client.RegisterDirectly();
        });
        // The skill registers these too; a host of the backend alone (the bench's bare loop) purges with them as well.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FinishedSessionPurge>();
        services.AddHostedService<FinishedSessionPurgeService>();
        return services;
    }

    private static AzureStorageOrchestrationServiceSettings AzureStorageSettings(
        DurableOptions options, DurableTaskHubSettings hub, IServiceProvider provider)
    {
        return new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.Storage!),
            TaskHubName = hub.HubName,
            PartitionCount = hub.StorageProvider.PartitionCount,
            MaxQueuePollingInterval = hub.StorageProvider.MaxQueuePollingInterval,
            ControlQueueBatchSize = hub.StorageProvider.ControlQueueBatchSize,
            ControlQueueVisibilityTimeout = hub.StorageProvider.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = hub.StorageProvider.WorkItemQueueVisibilityTimeout,
            ExtendedSessionsEnabled = hub.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(hub.ExtendedSessionIdleTimeoutInSeconds),
            MaxConcurrentTaskOrchestrationWorkItems = hub.MaxConcurrentOrchestratorFunctions,
            MaxConcurrentTaskActivityWorkItems = hub.MaxConcurrentActivityFunctions,
            LoggerFactory = provider.GetRequiredService<ILoggerFactory>(),
        };
    }
}
