using System.Collections.Concurrent;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost;

/// <summary>
/// Wakes the requests waiting on a session when the sidecar has saved a step of its orchestration (custom
/// status included), so the reply is read right away. Every save here passes through the sidecar, so a
/// waiting request needs to poll only rarely as a safety net.
/// </summary>
internal sealed class CommittedStateSignal : ISessionSignal
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public TimeSpan PollCeiling { get; } = TimeSpan.FromSeconds(1);

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

    public void Committed(string instanceId)
    {
        if (_sessions.TryGetValue(instanceId, out var session))
        {
            session.Saved();
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
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _watchers;
        private bool _retired;

        public long Version { get; private set; }

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

        public (long Version, Task Next) Observe()
        {
            lock (_lock)
            {
                return (Version, _next.Task);
            }
        }

        public void Saved()
        {
            TaskCompletionSource saved;
            lock (_lock)
            {
                Version++;
                saved = _next;
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            saved.TrySetResult();
        }
    }

    private sealed class SessionWatch(CommittedStateSignal signal, string instanceId, Session session) : ISessionWatch
    {
        private long _seen = session.Observe().Version;

        public async Task NextChangeAsync(TimeSpan atMost, CancellationToken cancellationToken)
        {
            var (version, next) = session.Observe();
            if (version == _seen)
            {
                try
                {
                    await next.WaitAsync(atMost, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Nothing saved in time: the caller polls anyway.
                }
            }

            _seen = session.Observe().Version;
        }

        public void Dispose() => signal.Release(instanceId, session);
    }
}
