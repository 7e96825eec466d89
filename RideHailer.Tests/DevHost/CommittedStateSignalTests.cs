using RideHailer.DevHost;

namespace RideHailer.Tests.DevHost;

public sealed class CommittedStateSignalTests
{
    [Fact]
    public async Task Committed_EndsTheWaitForThatSession()
    {
        var signal = new CommittedStateSignal();
        var wait = signal.WaitForChangeAsync("session-a", TimeSpan.FromMinutes(5), default);

        signal.Committed("session-a");

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task CommittedForAnotherSession_LeavesTheWaitToItsBound()
    {
        var signal = new CommittedStateSignal();
        var wait = signal.WaitForChangeAsync("session-a", TimeSpan.FromMilliseconds(200), default);

        signal.Committed("session-b");

        Assert.False(wait.IsCompleted);
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancellation_EndsTheWait()
    {
        var signal = new CommittedStateSignal();
        using var cancel = new CancellationTokenSource();
        var wait = signal.WaitForChangeAsync("session-a", TimeSpan.FromMinutes(5), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
