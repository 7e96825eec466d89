using System.Collections.Concurrent;

namespace RideHailer.DevHost;

/// <summary>
/// How many work items of one kind (orchestration steps, activities) the DevHost's engine runs at once, host.json's
/// <c>maxConcurrentOrchestratorFunctions</c> and <c>maxConcurrentActivityFunctions</c>, held as the Functions host holds them:
/// a fetch waits for a free place and takes it the moment one is released (DurableTask.Core's dispatcher waits on a
/// semaphore). The sidecar's own dispatcher, left to it, re-checks a full limit every 500 ms, which at 32 riders put
/// half-second steps into every turn: a throttle the Functions host does not have.
/// </summary>
internal sealed class WorkItemLimit(int places) : IDisposable
{
    private readonly SemaphoreSlim _places = new(places, places);
    private readonly ConcurrentDictionary<object, byte> _holders = new(ReferenceEqualityComparer.Instance);

    /// <summary>Fetches a work item once a place is free; the place is the work item's until <see cref="Release"/>.</summary>
    public async Task<T?> FetchAsync<T>(Func<Task<T?>> fetch, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(fetch);
        await _places.WaitAsync(cancellationToken);
        T? workItem = null;
        try
        {
            workItem = await fetch();
            return workItem;
        }
        finally
        {
            if (workItem is null || !_holders.TryAdd(workItem, 0))
            {
                _places.Release();
            }
        }
    }

    /// <summary>Frees the work item's place; a work item released twice (completed, then abandoned) frees it once.</summary>
    public void Release(object workItem)
    {
        if (_holders.TryRemove(workItem, out _))
        {
            _places.Release();
        }
    }

    public void Dispose() => _places.Dispose();
}
