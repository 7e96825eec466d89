using Microsoft.Extensions.Time.Testing;
using RideHailer.Skill.Alexa.Enrich.Identity;

namespace RideHailer.Tests.Alexa.Identity;

public sealed class ThrottledFetchTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private int _fetches;

    [Fact]
    public async Task ConcurrentCallers_ShareOneFetch()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetch = new ThrottledFetch<int>(() => { _fetches++; return release.Task; }, Interval, _time);

        var first = fetch.LatestAsync();
        var second = fetch.LatestAsync();
        release.SetResult(7);
        var results = await Task.WhenAll(first, second);

        Assert.Equal([7, 7], results);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task WithinTheInterval_TheLastResultIsReused_AfterIt_FetchedAgain()
    {
        var fetch = new ThrottledFetch<int>(() => Task.FromResult(++_fetches), Interval, _time);

        var first = await fetch.LatestAsync();
        _time.Advance(Interval - TimeSpan.FromSeconds(1));
        var throttled = await fetch.LatestAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var fresh = await fetch.LatestAsync();

        Assert.Equal((1, 1, 2), (first, throttled, fresh));
    }

    [Fact]
    public async Task SlowFetch_IsNotStartedAgainWhileRunning()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetch = new ThrottledFetch<int>(() => { _fetches++; return release.Task; }, Interval, _time);

        var first = fetch.LatestAsync();
        _time.Advance(Interval * 3);
        var second = fetch.LatestAsync();
        release.SetResult(1);
        await Task.WhenAll(first, second);

        Assert.Same(first, second);
        Assert.Equal(1, _fetches);
    }
}
