using DurableTask.Core;

namespace RideHailer.DevHost;

/// <summary>
/// The durable engine as the DevHost's sidecar drives it, reporting each save. Everything passes through, with two additions:
/// each saved orchestration step is handed to <see cref="CommittedStateSignal"/>, so a request waiting
/// for its reply has it without reading the session back; and the engine is stopped only once it has started (the sidecar stops it
/// from an async void handler, where DurableTask.AzureStorage's stop-before-start exception would end the process).
/// How many work items run at once is held here (<see cref="WorkItemLimit"/>), as the Functions host holds it: host.json's limits
/// when <paramref name="limits"/> is given (the in-memory engine's own is the processor count, which queued eight riders'
/// turns for seconds on two cores), the engine's otherwise; the sidecar is told there is no limit, so it never polls one.
/// </summary>
internal sealed class SaveReportingOrchestrationService(
    IOrchestrationService engine, CommittedStateSignal committed, DurableTaskHubSettings? limits = null) : IOrchestrationService, IDisposable
{
    private readonly WorkItemLimit _orchestrationSteps = new(limits?.MaxConcurrentOrchestratorFunctions ?? engine.MaxConcurrentTaskOrchestrationWorkItems);
    private readonly WorkItemLimit _activities = new(limits?.MaxConcurrentActivityFunctions ?? engine.MaxConcurrentTaskActivityWorkItems);
    private Task? _started;

    public int TaskOrchestrationDispatcherCount => engine.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => int.MaxValue;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => engine.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => engine.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => int.MaxValue;

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

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        (await _orchestrationSteps.FetchAsync(() => engine.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken), cancellationToken))!;

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

    /// <summary>The sidecar releases every work item it fetched, after it completed or abandoned it: its place is freed here.</summary>
    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        try
        {
            await engine.ReleaseTaskOrchestrationWorkItemAsync(workItem);
        }
        finally
        {
            _orchestrationSteps.Release(workItem);
        }
    }

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        (await _activities.FetchAsync(() => engine.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken), cancellationToken))!;

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        engine.RenewTaskActivityWorkItemLockAsync(workItem);

    /// <summary>An activity's place is freed once it is completed or abandoned (the sidecar has no release for activities).</summary>
    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        try
        {
            await engine.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
        }
        finally
        {
            _activities.Release(workItem);
        }
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        try
        {
            await engine.AbandonTaskActivityWorkItemAsync(workItem);
        }
        finally
        {
            _activities.Release(workItem);
        }
    }

    public void Dispose()
    {
        _orchestrationSteps.Dispose();
        _activities.Dispose();
    }
}
