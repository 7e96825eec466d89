using System.Collections.Concurrent;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost;

/// <summary>
/// Wakes the requests waiting on a session when the sidecar has saved a step of its orchestration (custom
/// status included), so the reply is read right away rather than at the next poll.
/// </summary>
internal sealed class CommittedStateSignal : ISessionSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    public async Task WaitForChangeAsync(string instanceId, TimeSpan atMost, CancellationToken cancellationToken)
    {
        var change = _waiting.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await change.Task.WaitAsync(atMost, cancellationToken);
        }
        catch (TimeoutException)
        {
            // A save between the caller's last poll and this wait is not seen; the bounded wait covers it.
            _waiting.TryRemove(KeyValuePair.Create(instanceId, change));
        }
    }

    public void Committed(string instanceId)
    {
        if (_waiting.TryRemove(instanceId, out var change))
        {
            change.TrySetResult();
        }
    }
}
