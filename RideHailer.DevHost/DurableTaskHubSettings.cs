namespace RideHailer.DevHost;

/// <summary>
/// The <c>extensions:durableTask</c> section of the Functions app's host.json, which the DevHost loads
/// too: one place tunes the Azure Storage engine for both hosts. Names are host.json's.
/// </summary>
internal sealed class DurableTaskHubSettings
{
    public const string SectionName = "extensions:durableTask";

    public string HubName { get; set; } = "RideHailer";

    public bool ExtendedSessionsEnabled { get; set; }

    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    public int MaxConcurrentOrchestratorFunctions { get; set; } = 32;

    public int MaxConcurrentActivityFunctions { get; set; } = 32;

    public AzureStorageProviderSettings StorageProvider { get; set; } = new();

    internal sealed class AzureStorageProviderSettings
    {
        public int PartitionCount { get; set; } = 4;

        public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

        public int ControlQueueBatchSize { get; set; } = 32;

        public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

        public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);
    }
}
