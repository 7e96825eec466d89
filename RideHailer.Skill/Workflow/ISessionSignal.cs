namespace RideHailer.Skill.Workflow;

/// <summary>
/// Lets the endpoint's reply wait end as soon as a session's state was saved, instead of at its next poll.
/// Polling stays the source of truth: a host that cannot observe saves (the Functions host, which runs the
/// durable engine out of process) uses <see cref="PollingOnly"/>, and every wait is bounded.
/// </summary>
public interface ISessionSignal
{
    /// <summary>Completes when <paramref name="instanceId"/>'s state may have changed, or after <paramref name="atMost"/>.</summary>
    Task WaitForChangeAsync(string instanceId, TimeSpan atMost, CancellationToken cancellationToken);
}

/// <summary>No signal: every wait lasts its full time.</summary>
public sealed class PollingOnly : ISessionSignal
{
    public Task WaitForChangeAsync(string instanceId, TimeSpan atMost, CancellationToken cancellationToken) =>
        Task.Delay(atMost, cancellationToken);
}
