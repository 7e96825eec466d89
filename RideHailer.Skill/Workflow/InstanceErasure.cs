using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Ends and purges orchestration instances (sessions, rides) of a user who is being forgotten, all at once, and returns
/// only when each is gone: terminated if it still runs (so it books or records nothing more), waited for, then purged.
/// </summary>
public sealed partial class InstanceErasure(ILogger<InstanceErasure> logger)
{
    /// <summary>
    /// How long the terminated instances, all waited for together, may take to stop. Past it an instance is purged anyway
    /// where the backend allows (DurableTask.AzureStorage purges a running instance, and the termination that follows finds
    /// nothing); a backend that purges only stopped instances (the in-memory one) leaves it, and the erasure fails rather
    /// than report it done.
    /// </summary>
    public static readonly TimeSpan StopWait = TimeSpan.FromSeconds(1);

    /// <summary>How often a terminated instance is read while it stops.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Ends and purges the instances together, within one <see cref="StopWait"/>; returns those that were there and are purged.</summary>
    /// <exception cref="InvalidOperationException">An instance is still there afterwards.</exception>
    public async Task<IReadOnlyList<string>> EndAndPurgeAsync(DurableTaskClient durable, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(instanceIds);
        using var stopWait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stopWait.CancelAfter(StopWait);
        var purged = await Task.WhenAll(instanceIds.Select(instanceId => EndAndPurgeAsync(durable, instanceId, stopWait.Token, cancellationToken)));
        return [.. instanceIds.Where((_, index) => purged[index])];
    }

    /// <summary>True when the instance was there and is purged, false when it was not there; throws when it is still there afterwards.</summary>
    private async Task<bool> EndAndPurgeAsync(DurableTaskClient durable, string instanceId, CancellationToken stopWait, CancellationToken cancellationToken)
    {
        var instance = await durable.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            return false;
        }

        if (IsStopping(instance))
        {
            await durable.TerminateInstanceAsync(instanceId, cancellationToken);
            await StoppedAsync(durable, instanceId, stopWait, cancellationToken);
        }

        if ((await durable.PurgeInstanceAsync(instanceId, cancellationToken)).PurgedInstanceCount > 0
            || await durable.GetInstanceAsync(instanceId, cancellationToken) is null)
        {
            return true;
        }

        throw new InvalidOperationException(
            $"Instance {instanceId} did not stop within {StopWait.TotalSeconds} s of being terminated and could not be purged; it is not forgotten.");
    }

    /// <summary>Reads the instance until it stopped or <paramref name="stopWait"/> ran out, every <see cref="PollInterval"/>.</summary>
    private async Task StoppedAsync(DurableTaskClient durable, string instanceId, CancellationToken stopWait, CancellationToken cancellationToken)
    {
        var (_, stopped) = await InstanceReads.UntilAsync(
            durable, instanceId, instance => instance is null || !IsStopping(instance), PollInterval, stopWait, cancellationToken);
        if (!stopped)
        {
            Log.SlowToStop(logger, instanceId);
        }
    }

    private static bool IsStopping(OrchestrationMetadata instance) =>
        instance.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;

    private static partial class Log
    {
        [LoggerMessage(EventId = 114, Level = LogLevel.Warning,
            Message = "Instance {InstanceId} did not stop within a second of being terminated; purging it anyway")]
        public static partial void SlowToStop(ILogger logger, string instanceId);
    }
}
