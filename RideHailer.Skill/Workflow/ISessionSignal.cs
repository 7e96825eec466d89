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
    /// <summary>Starts watching a session; watch before the call that may change it, so no save is missed.</summary>
    ISessionWatch Watch(string instanceId);
}

/// <summary>One request's watch on one session.</summary>
public interface ISessionWatch : IDisposable
{
    /// <summary>When the waiting request reads the session back, having seen no save: soon where saves are not seen here.</summary>
    PollSchedule Polls { get; }

    /// <summary>
    /// The session's saves since the last call (or since the watch began), oldest first, as soon as there is one;
    /// empty after <paramref name="atMost"/> without a save, or when saves cannot be seen here: the caller then reads the session.
    /// </summary>
    Task<IReadOnlyList<OrchestrationMetadata>> NextChangeAsync(TimeSpan atMost, CancellationToken cancellationToken);
}
