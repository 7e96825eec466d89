using Microsoft.DurableTask.Client;

namespace RideHailer.Skill.Workflow;

/// <summary>How a request waits on its session: on the saves its watch sees, reading the session back when it sees none.</summary>
public static class SessionWait
{
    /// <summary>Waits until the session shows what <paramref name="until"/> looks for; ends only by that or cancellation (the budget).</summary>
    public static async Task<TResult> UntilAsync<TResult>(
        this ISessionWatch watch,
        ISessionSignal signal,
        DurableTaskClient client,
        string instanceId,
        Func<OrchestrationMetadata, TResult?> until,
        CancellationToken cancellationToken)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(until);
        var delay = signal.FirstPoll;
        while (true)
        {
            var saves = await watch.NextChangeAsync(delay, cancellationToken);
            if (saves.Count == 0)
            {
                // No save seen in time, or none can be seen here: read the session.
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, signal.PollCeiling.Ticks));
                var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
                saves = instance is null ? [] : [instance];
            }

            foreach (var saved in saves)
            {
                if (until(saved) is { } result)
                {
                    return result;
                }
            }
        }
    }
}
