using System.Collections.Concurrent;

namespace RideHailer.DevHost;

/// <summary>
/// The sessions whose steps this instance's sidecar saved lately: those it runs (holds the partition of). Bounded by
/// two generations of <see cref="Capacity"/> each, so a long-running host forgets sessions that ended long ago.
/// </summary>
internal sealed class RecentSessions
{
    internal const int Capacity = 4096;

    private readonly Lock _roll = new();
    private ConcurrentDictionary<string, byte> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, byte> _previous = new(StringComparer.Ordinal);

    public void Add(string instanceId)
    {
        var current = _current;
        current[instanceId] = 0;
        if (current.Count < Capacity)
        {
            return;
        }

        lock (_roll)
        {
            if (ReferenceEquals(current, _current))
            {
                _previous = current;
                _current = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
            }
        }
    }

    public bool Contains(string instanceId) => _current.ContainsKey(instanceId) || _previous.ContainsKey(instanceId);

    public void Remove(string instanceId)
    {
        _current.TryRemove(instanceId, out _);
        _previous.TryRemove(instanceId, out _);
    }
}
