using System.Collections.Concurrent;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost;

/// <summary>
/// Hands the requests waiting on a session each step of its orchestration the sidecar saved (custom status and
/// output included), so a reply is known the moment it is saved and never read back. Only the saves of this
/// instance pass through its sidecar: when the session's control queue belongs to another instance of the app (scaled
/// out on one task hub), no save is seen here, and the waiting request reads the session back soon and often.
/// </summary>
internal sealed class CommittedStateSignal(DataConverter converter) : ISessionSignal
{
    /// <summary>Saves kept per watched session, so a request still busy with one save when the next lands sees both.</summary>
    internal const int RememberedSaves = 8;

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>
    /// The signal's window, then reads every 50 ms, the Functions host's ceiling: a turn answered here is signalled
    /// well inside 100 ms (one instance, 8 riders: p50 53 ms, BENCHMARKS.md), and a turn another instance runs is read
    /// soon after. Until issue 18 the window was a second, which every turn run by another instance waited out.
    /// </summary>
    public PollSchedule Polls { get; } = new(
        First: TimeSpan.FromMilliseconds(100), Every: PollingOnly.Schedule.Ceiling, Ceiling: PollingOnly.Schedule.Ceiling);

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

    private void Release(string instanceId, Session session)
    {
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
        private long _seen = session.Version();

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
                    return [];
                }

                (saves, version, _) = session.Since(_seen);
            }

            _seen = version;
            return saves;
        }

        public void Dispose() => signal.Release(instanceId, session);
    }
}
