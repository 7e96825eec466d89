using DurableTask.Core;

namespace RideHailer.DevHost;

/// <summary>
/// The durable engine as the DevHost's sidecar drives it, reporting each save. Everything passes through, with two additions:
/// each saved orchestration step is handed to <see cref="CommittedStateSignal"/>, so a request waiting
/// for its reply has it without reading the session back; and the engine is stopped only once it has started (the sidecar stops it
/// from an async void handler, where DurableTask.AzureStorage's stop-before-start exception would end the process).
/// <paramref name="limits"/>, when given, sets how many work items run at once, for an engine whose own limit is fixed
/// (the in-memory engine's is the processor count, which queued eight riders' turns for seconds on two cores).
/// </summary>
internal sealed class SaveReportingOrchestrationService(
    IOrchestrationService engine, CommittedStateSignal committed, DurableTaskHubSettings? limits = null) : IOrchestrationService
{
    private Task? _started;

    public int TaskOrchestrationDispatcherCount => engine.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => limits?.MaxConcurrentOrchestratorFunctions ?? engine.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => engine.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => engine.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => limits?.MaxConcurrentActivityFunctions ?? engine.MaxConcurrentTaskActivityWorkItems;

    public Task StartAsync() => _started = engine.StartAsync();

    public Task StopAsync() => StopAsync(isForced: false);

    public async Task StopAsync(bool isForced)
    {
        if (Interlocked.Exchange(ref _started, null) is not { } started)
        {
            return;
        }

        try
        {
            await started;
            await engine.StopAsync(isForced);
        }
#pragma warning disable CA1031 // Nothing can be done about a failed stop, and thrown from that handler it would end the process.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public Task CreateAsync() => engine.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => engine.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => engine.CreateIfNotExistsAsync();

    public Task DeleteAsync() => engine.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => engine.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        engine.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => engine.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => engine.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        engine.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) =>
        engine.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        await engine.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
        committed.Committed(orchestrationState ?? new OrchestrationState
        {
            OrchestrationInstance = newOrchestrationRuntimeState.OrchestrationInstance,
            Name = newOrchestrationRuntimeState.Name,
            OrchestrationStatus = newOrchestrationRuntimeState.OrchestrationStatus,
            Status = newOrchestrationRuntimeState.Status,
            Output = newOrchestrationRuntimeState.Output,
        });
    }

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => engine.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => engine.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        engine.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        engine.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        engine.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => engine.AbandonTaskActivityWorkItemAsync(workItem);
}
