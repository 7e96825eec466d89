using RideHailer.DevHost;

namespace RideHailer.Tests.DevHost;

public sealed class CommittedStateSignalTests
{
    [Fact]
    public async Task SaveWhileWaiting_EndsTheWait()
    {
        var signal = new CommittedStateSignal();
        using var watch = signal.Watch("session-a");
        var wait = watch.NextChangeAsync(TimeSpan.FromMinutes(5), default);

        signal.Committed("session-a");

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SaveBeforeTheWait_IsNotMissed()
    {
        var signal = new CommittedStateSignal();
        using var watch = signal.Watch("session-a");

        signal.Committed("session-a");
        var wait = watch.NextChangeAsync(TimeSpan.FromMinutes(5), default);

        Assert.True(wait.IsCompleted);
        await wait;
    }

    [Fact]
    public async Task SaveOfAnotherSession_LeavesTheWaitToItsBound()
    {
        var signal = new CommittedStateSignal();
        using var watch = signal.Watch("session-a");
        var wait = watch.NextChangeAsync(TimeSpan.FromMilliseconds(200), default);

        signal.Committed("session-b");

        Assert.False(wait.IsCompleted);
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task EachSaveIsSeenOnce()
    {
        var signal = new CommittedStateSignal();
        using var watch = signal.Watch("session-a");
        signal.Committed("session-a");
        await watch.NextChangeAsync(TimeSpan.FromMinutes(5), default);

        var second = watch.NextChangeAsync(TimeSpan.FromMilliseconds(200), default);

        Assert.False(second.IsCompleted);
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancellation_EndsTheWait()
    {
        var signal = new CommittedStateSignal();
        using var watch = signal.Watch("session-a");
        using var cancel = new CancellationTokenSource();
        var wait = watch.NextChangeAsync(TimeSpan.FromMinutes(5), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task WatchAfterTheLastOneEnded_StillSeesSaves()
    {
        var signal = new CommittedStateSignal();
        signal.Watch("session-a").Dispose();
        using var watch = signal.Watch("session-a");
        var wait = watch.NextChangeAsync(TimeSpan.FromMinutes(5), default);

        signal.Committed("session-a");

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
