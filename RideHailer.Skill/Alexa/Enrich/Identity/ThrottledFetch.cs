namespace RideHailer.Skill.Alexa.Enrich.Identity;

/// <summary>
/// Runs a fetch on demand, at most once per interval, sharing one fetch among concurrent callers; within the
/// interval callers get the last fetch's result. Keeps a flood of bad tokens from becoming a flood of requests.
/// Kept beside the client's resilience pipeline, which bounds and retries one request but neither shares a request
/// among callers nor answers from the last result: its rate limiter would refuse the callers instead.
/// </summary>
internal sealed class ThrottledFetch<T>(Func<Task<T>> fetch, TimeSpan interval, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private Task<T>? _latest;
    private DateTimeOffset _startedAt;

    public Task<T> LatestAsync()
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (_latest is null || (_latest.IsCompleted && now - _startedAt >= interval))
            {
                _startedAt = now;
                _latest = fetch();
            }

            return _latest;
        }
    }
}
