using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using RideHailer.DevHost;

namespace RideHailer.Tests.DevHost;

public sealed class CommittedStateSignalTests
{
    private readonly CommittedStateSignal _signal = new(JsonDataConverter.Default);

    [Fact]
    public async Task SaveWhileWaiting_EndsTheWaitWithWhatWasSaved()
    {
        using var watch = _signal.Watch("session-a");
        var wait = watch.NextChangeAsync(TimeSpan.FromMinutes(5), default);

        _signal.Committed(Saved("session-a", "\"request-1\"", OrchestrationStatus.Running));

        var saves = await wait.WaitAsync(TimeSpan.FromSeconds(10));
        var saved = Assert.Single(saves);
        Assert.Equal(OrchestrationRuntimeStatus.Running, saved.RuntimeStatus);
        Assert.Equal("request-1", saved.ReadCustomStatusAs<string>());
    }

    [Fact]
    public async Task CompletedSave_CarriesTheOutput()
    {
        using var watch = _signal.Watch("session-a");

        _signal.Committed(Saved("session-a", null, OrchestrationStatus.Completed, output: "42"));

        var saved = Assert.Single(await watch.NextChangeAsync(TimeSpan.FromMinutes(5), default));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, saved.RuntimeStatus);
        Assert.Equal(42, saved.ReadOutputAs<int>());
    }

    [Fact]
    public async Task SaveBeforeTheWait_IsNotMissed()
    {
        using var watch = _signal.Watch("session-a");

        _signal.Committed(Saved("session-a", "\"request-1\""));
        var wait = watch.NextChangeAsync(TimeSpan.FromMinutes(5), default);

        Assert.True(wait.IsCompleted);
        Assert.Single(await wait);
    }

    [Fact]
    public async Task TwoSavesBetweenWaits_AreBothSeenInOrder()
    {
        using var watch = _signal.Watch("session-a");

        _signal.Committed(Saved("session-a", "\"request-1\""));
        _signal.Committed(Saved("session-a", "\"request-2\""));

        var saves = await watch.NextChangeAsync(TimeSpan.FromMinutes(5), default);
        Assert.Equal(["request-1", "request-2"], saves.Select(saved => saved.ReadCustomStatusAs<string>()));
    }

    [Fact]
    public async Task MoreSavesMissedThanKept_AreReportedAsUnknown()
    {
        using var watch = _signal.Watch("session-a");

        for (var i = 0; i <= CommittedStateSignal.RememberedSaves; i++)
        {
            _signal.Committed(Saved("session-a", $"\"request-{i}\""));
        }

        // Empty means "read the session": a partial list could hide the save that answered the waiting request.
        Assert.Empty(await watch.NextChangeAsync(TimeSpan.FromMinutes(5), default));
        var next = watch.NextChangeAsync(TimeSpan.FromMilliseconds(100), default);
        Assert.False(next.IsCompleted);
        Assert.Empty(await next.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SaveOfAnotherSession_LeavesTheWaitToItsBound()
    {
        using var watch = _signal.Watch("session-a");
        var wait = watch.NextChangeAsync(TimeSpan.FromMilliseconds(200), default);

        _signal.Committed(Saved("session-b", "\"request-1\""));

        Assert.False(wait.IsCompleted);
        Assert.Empty(await wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task EachSaveIsSeenOnce()
    {
        using var watch = _signal.Watch("session-a");
        _signal.Committed(Saved("session-a", "\"request-1\""));
        await watch.NextChangeAsync(TimeSpan.FromMinutes(5), default);

        var second = watch.NextChangeAsync(TimeSpan.FromMilliseconds(200), default);

        Assert.False(second.IsCompleted);
        Assert.Empty(await second.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Cancellation_EndsTheWait()
    {
        using var watch = _signal.Watch("session-a");
        using var cancel = new CancellationTokenSource();
        var wait = watch.NextChangeAsync(TimeSpan.FromMinutes(5), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task WatchAfterTheLastOneEnded_StillSeesSaves()
    {
        _signal.Watch("session-a").Dispose();
        using var watch = _signal.Watch("session-a");
        var wait = watch.NextChangeAsync(TimeSpan.FromMinutes(5), default);

        _signal.Committed(Saved("session-a", "\"request-1\""));

        Assert.Single(await wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void SessionRunElsewhere_IsReadBackWithinTheSignalsWindowThenOften()
    {
        // Scaled out, a session's saves pass through the sidecar of the instance that owns its control queue only:
        // a turn received by another instance must not wait out a long safety-net poll (it waited a second until issue 18).
        Assert.True(_signal.Polls.First <= TimeSpan.FromMilliseconds(100), $"first read after {_signal.Polls.First}");
        Assert.True(_signal.Polls.Every <= TimeSpan.FromMilliseconds(50), $"then every {_signal.Polls.Every}");
    }

    private static OrchestrationState Saved(
        string instanceId, string? customStatus, OrchestrationStatus status = OrchestrationStatus.Running, string? output = null) => new()
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = "execution-1" },
            Name = "RideSession",
            OrchestrationStatus = status,
            Status = customStatus,
            Output = output,
        };
}
