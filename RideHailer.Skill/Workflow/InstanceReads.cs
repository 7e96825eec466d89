using Microsoft.DurableTask.Client;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// An orchestration read back until it is as wanted: the one loop behind waiting for a start the engine holds back and for a
/// terminated instance to stop. Read here rather than with the client's own waits: DurableTask.AzureStorage's read every 2 s.
/// </summary>
internal static class InstanceReads
{
    private static readonly TimeSpan StartReadEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a held-back start is waited for: past the engine's 2 s and 4 s retries.</summary>
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The instance once it is no longer Pending, or as it is after <see cref="StartWait"/>; null when there is none.
    /// DurableTask.AzureStorage can hold a start back for seconds (a start message read before its Instances row is retried 2 s
    /// later, then 4 s) and discards an event raised on an instance it has not started: so a ride's events wait here until its
    /// start has run. The session's turns wait the same way, on the save signal and inside their reply budget (<see cref="SessionRouter"/>).
    /// </summary>
    public static async Task<OrchestrationMetadata?> WhenStartedAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken)
    {
        using var within = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        within.CancelAfter(StartWait);
        var (instance, _) = await UntilAsync(
            durable, instanceId, read => read is not { RuntimeStatus: OrchestrationRuntimeStatus.Pending }, StartReadEvery, within.Token, cancellationToken);
        return instance;
    }

    /// <summary>
    /// Reads the instance every <paramref name="every"/> until <paramref name="wanted"/> holds for it (null: there is none) or
    /// <paramref name="within"/> is cancelled; the last read, and whether it is as wanted.
    /// </summary>
    public static async Task<(OrchestrationMetadata? Instance, bool AsWanted)> UntilAsync(
        DurableTaskClient durable,
        string instanceId,
        Func<OrchestrationMetadata?, bool> wanted,
        TimeSpan every,
        CancellationToken within,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            if (wanted(instance))
            {
                return (instance, true);
            }

            try
            {
                await Task.Delay(every, within);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (instance, false);
            }
        }
    }
}
