using Microsoft.DurableTask.Client;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// An orchestration as it is once the engine runs it. DurableTask.AzureStorage can hold a start back for seconds (a start
/// message read before its Instances row is retried 2 s later, then 4 s) and discards an event raised on an instance it has
/// not started: so a ride's events wait here, a read every 100 ms, until its start has run. The session's turns wait the same
/// way, inside their reply budget (<see cref="SessionRouter"/>).
/// </summary>
internal static class InstanceStart
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>The instance once it is no longer Pending, or as it is after <paramref name="atMost"/>; null when there is none.</summary>
    public static async Task<OrchestrationMetadata?> WhenStartedAsync(
        DurableTaskClient durable, string instanceId, TimeSpan atMost, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + atMost;
        while (true)
        {
            var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            if (instance is not { RuntimeStatus: OrchestrationRuntimeStatus.Pending } || DateTime.UtcNow >= deadline)
            {
                return instance;
            }

            await Task.Delay(ReadEvery, cancellationToken);
        }
    }
}
