namespace RideHailer.Skill.Workflow;

/// <summary>
/// Lets the endpoint's reply wait end as soon as a session's state was saved, instead of at its next poll.
/// Polling stays the source of truth: a host that cannot observe saves (the Functions host, which runs the
/// durable engine out of process) uses <see cref="PollingOnly"/>, and every wait is bounded.
/// </summary>
public interface ISessionSignal
{
    /// <summary>The longest a waiting request sleeps between polls: long only where saves are signalled.</summary>
    TimeSpan PollCeiling { get; }

    /// <summary>Starts watching a session; watch before the call that may change it, so no save is missed.</summary>
    ISessionWatch Watch(string instanceId);
}

/// <summary>One request's watch on one session.</summary>
public interface ISessionWatch : IDisposable
{
    /// <summary>Completes when the session was saved since the last call (or the watch began), or after <paramref name="atMost"/>.</summary>
    Task NextChangeAsync(TimeSpan atMost, CancellationToken cancellationToken);
}

/// <summary>No signal: every wait lasts its full time, and the poll ceiling stays short.</summary>
public sealed class PollingOnly : ISessionSignal, ISessionWatch
{
    public TimeSpan PollCeiling { get; } = TimeSpan.FromMilliseconds(50);

    public ISessionWatch Watch(string instanceId) => this;

    public Task NextChangeAsync(TimeSpan atMost, CancellationToken cancellationToken) => Task.Delay(atMost, cancellationToken);

    public void Dispose()
    {
    }
}
