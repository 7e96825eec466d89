using System.Collections.Concurrent;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost;

/// <summary>
/// Hands the requests waiting on a session each step of its orchestration the sidecar saved (custom status and
/// output included), so a reply is known the moment it is saved and never read back. Only the steps this instance
/// runs pass through its sidecar: scaled out on one task hub, a session runs on the instance holding its
/// control-queue partition, and a turn another instance received sees no save there. So a watch reads soon and often
/// (the Functions host's schedule) unless the session's steps were saved here lately, and a session whose turn went
/// unseen here is taken for one another instance runs until a step of it is saved here again.
/// </summary>
internal sealed class CommittedStateSignal(DataConverter converter) : ISessionSignal
{
    /// <summary>Saves kept per watched session, so a request still busy with one save when the next lands sees both.</summary>
    internal const int RememberedSaves = 8;

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly RecentSessions _savedHere = new();

    /// <summary>
    /// For a session run here the signal is the wait; a read every 250 ms is the safety net, and finds a session the
    /// engine has moved to another instance (a partition rebalanced or taken over) a quarter second late, once.
    /// Until issue 18 this was once a second for every session, which each turn run by another instance waited out.
    /// </summary>
    internal static PollSchedule RunHere { get; } = new(
        First: TimeSpan.FromMilliseconds(250), Every: TimeSpan.FromMilliseconds(250), Ceiling: TimeSpan.FromMilliseconds(250));

    /// <summary>For a session whose steps are not seen here: read back as the Functions host does, which sees no save at all.</summary>
    internal static PollSchedule RunElsewhere => PollingOnly.Schedule;

    public ISessionWatch Watch(string instanceId)
    {
        while (true)
        {
            var session = _sessions.GetOrAdd(instanceId, _ => new Session());
            if (session.TryAddWatcher())
            {
                return new SessionWatch(this, instanceId, session);
            }

            // That entry was being retired by its last watcher; take a fresh one.
            _sessions.TryRemove(KeyValuePair.Create(instanceId, session));
        }
    }

    public void Committed(OrchestrationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var instanceId = state.OrchestrationInstance.InstanceId;
        _savedHere.Add(instanceId);
        if (_sessions.TryGetValue(instanceId, out var session))
        {
            session.Saved(new OrchestrationMetadata(state.Name, instanceId)
            {
                DataConverter = converter,
                // The client's status enum mirrors the engine's value for value (the gRPC layer casts between them too).
                RuntimeStatus = (OrchestrationRuntimeStatus)state.OrchestrationStatus,
                CreatedAt = state.CreatedTime,
                LastUpdatedAt = state.LastUpdatedTime,
                SerializedCustomStatus = state.Status,
                SerializedOutput = state.Output,
            });
        }
    }

    private PollSchedule PollsFor(string instanceId) => _savedHere.Contains(instanceId) ? RunHere : RunElsewhere;

    private void Release(string instanceId, Session session, bool unseen)
    {
        if (unseen)
        {
            // The turn was answered (or given up) without a save seen here: another instance runs this session now.
            _savedHere.Remove(instanceId);
        }

        if (session.RemoveWatcher())
        {
            _sessions.TryRemove(KeyValuePair.Create(instanceId, session));
        }
    }

    private sealed class Session
    {
        private readonly Lock _lock = new();
        private readonly Queue<OrchestrationMetadata> _saves = new();
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _version;
        private int _watchers;
        private bool _retired;

        public bool TryAddWatcher()
        {
            lock (_lock)
            {
                if (_retired)
                {
                    return false;
                }

                _watchers++;
                return true;
            }
        }

        /// <summary>True when this was the last watcher: the entry is retired and may be removed.</summary>
        public bool RemoveWatcher()
        {
            lock (_lock)
            {
                _retired = --_watchers == 0;
                return _retired;
            }
        }

        public long Version()
        {
            lock (_lock)
            {
                return _version;
            }
        }

        /// <summary>The saves after <paramref name="seen"/> (empty when more were missed than are kept), the version now, and the next save.</summary>
        public (IReadOnlyList<OrchestrationMetadata> Saves, long Version, Task Next) Since(long seen)
        {
            lock (_lock)
            {
                var missed = _version - seen;
                IReadOnlyList<OrchestrationMetadata> saves = missed <= 0 || missed > _saves.Count ? [] : [.. _saves.Skip(_saves.Count - (int)missed)];
                return (saves, _version, _next.Task);
            }
        }

        public void Saved(OrchestrationMetadata saved)
        {
            TaskCompletionSource next;
            lock (_lock)
            {
                _version++;
                _saves.Enqueue(saved);
                if (_saves.Count > RememberedSaves)
                {
                    _saves.Dequeue();
                }

                next = _next;
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            next.TrySetResult();
        }
    }

    private sealed class SessionWatch(CommittedStateSignal signal, string instanceId, Session session) : ISessionWatch
    {
        private readonly long _first = session.Version();
        private long _seen = session.Version();
        private bool _timedOut;

        public PollSchedule Polls => signal.PollsFor(instanceId);

        public async Task<IReadOnlyList<OrchestrationMetadata>> NextChangeAsync(TimeSpan atMost, CancellationToken cancellationToken)
        {
            var (saves, version, next) = session.Since(_seen);
            if (version == _seen)
            {
                try
                {
                    await next.WaitAsync(atMost, cancellationToken);
                }
                catch (TimeoutException)
                {
                    _timedOut = true;
                    return [];
                }

                (saves, version, _) = session.Since(_seen);
            }

            _seen = version;
            return saves;
        }

        public void Dispose() => signal.Release(instanceId, session, unseen: _timedOut && session.Version() == _first);
    }
}
