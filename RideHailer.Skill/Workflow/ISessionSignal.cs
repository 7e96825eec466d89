using Microsoft.DurableTask.Client;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Lets the endpoint's reply wait end as soon as a session's state was saved, with what the save showed, instead
/// of reading the session back at its next poll. Reading stays the safety net: a host that cannot observe saves
/// (the Functions host, which runs the durable engine out of process) uses <see cref="PollingOnly"/>, and every
/// wait is bounded.
/// </summary>
public interface ISessionSignal
{
    /// <summary>How long a waiting request first sleeps before reading the session: short only where saves are not seen.</summary>
    TimeSpan FirstPoll { get; }

    /// <summary>The longest a waiting request sleeps between reads.</summary>
    TimeSpan PollCeiling { get; }

    /// <summary>Starts watching a session; watch before the call that may change it, so no save is missed.</summary>
    ISessionWatch Watch(string instanceId);
}

/// <summary>One request's watch on one session.</summary>
public interface ISessionWatch : IDisposable
{
    /// <summary>
    /// The session's saves since the last call (or since the watch began), oldest first, as soon as there is one;
    /// empty after <paramref name="atMost"/> without a save, or when saves cannot be seen here: the caller then reads the session.
    /// </summary>
    Task<IReadOnlyList<OrchestrationMetadata>> NextChangeAsync(TimeSpan atMost, CancellationToken cancellationToken);
}

/// <summary>No signal: every wait lasts its full time, then the session is read; the reads start fast and back off.</summary>
public sealed class PollingOnly : ISessionSignal, ISessionWatch
{
    public TimeSpan FirstPoll { get; } = TimeSpan.FromMilliseconds(2);

    public TimeSpan PollCeiling { get; } = TimeSpan.FromMilliseconds(50);

    public ISessionWatch Watch(string instanceId) => this;

    public async Task<IReadOnlyList<OrchestrationMetadata>> NextChangeAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        await Task.Delay(atMost, cancellationToken);
        return [];
    }

    public void Dispose()
    {
    }
}
