using RideHailer.DevHost;

namespace RideHailer.Tests.DevHost;

public sealed class WorkItemLimitTests
{
    [Fact]
    public async Task FetchBeyondTheLimit_WaitsForAPlace_AndTakesItWhenReleased()
    {
        using var limit = new WorkItemLimit(1);
        var first = await limit.FetchAsync(() => Task.FromResult<object?>(new object()), CancellationToken.None);
        var fetched = false;

        var second = limit.FetchAsync(() => { fetched = true; return Task.FromResult<object?>(new object()); }, CancellationToken.None);

        Assert.False(second.IsCompleted);
        Assert.False(fetched);
        limit.Release(first!);
        Assert.NotNull(await second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(fetched);
    }

    [Fact]
    public async Task WorkItemReleasedTwice_FreesOnePlace()
    {
        using var limit = new WorkItemLimit(1);
        var item = await limit.FetchAsync(() => Task.FromResult<object?>(new object()), CancellationToken.None);
        limit.Release(item!);
        limit.Release(item!);

        var taken = await limit.FetchAsync(() => Task.FromResult<object?>(new object()), CancellationToken.None);
        var waiting = limit.FetchAsync(() => Task.FromResult<object?>(new object()), CancellationToken.None);

        Assert.NotNull(taken);
        Assert.False(waiting.IsCompleted);
        limit.Release(taken!);
        Assert.NotNull(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task FetchThatFindsNothingOrFails_KeepsNoPlace()
    {
        using var limit = new WorkItemLimit(1);
        Assert.Null(await limit.FetchAsync(() => Task.FromResult<object?>(null), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => limit.FetchAsync<object>(() => throw new InvalidOperationException("engine"), CancellationToken.None));

        var fetch = limit.FetchAsync(() => Task.FromResult<object?>(new object()), CancellationToken.None);

        Assert.NotNull(await fetch.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
