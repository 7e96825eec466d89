using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using RideHailer.DevHost;
using RideHailer.Skill.Workflow;

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
    public void SessionNotSavedHere_IsReadBackAsTheFunctionsHostReadsIt()
    {
        // Scaled out, a session's steps are saved by the instance holding its partition: another instance sees none.
        using var watch = _signal.Watch("session-a");

        Assert.Equal(PollingOnly.Schedule, watch.Polls);
    }

    [Fact]
    public void SessionSavedHere_WaitsOnTheSignalWithAShortSafetyNet()
    {
        _signal.Committed(Saved("session-a", "\"request-1\""));

        using var watch = _signal.Watch("session-a");

        Assert.Equal(CommittedStateSignal.RunHere, watch.Polls);
        // Until issue 18 the safety net was a read once a second.
        Assert.True(watch.Polls.First <= TimeSpan.FromMilliseconds(250) && watch.Polls.Ceiling <= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task TurnWhoseSaveWentUnseen_MakesTheNextWatchReadSoon()
    {
        _signal.Committed(Saved("session-a", "\"request-1\""));
        using (var watch = _signal.Watch("session-a"))
        {
            // The engine moved the session to another instance: the wait times out, the reply is read back.
            Assert.Empty(await watch.NextChangeAsync(TimeSpan.Zero, default));
        }

        using var next = _signal.Watch("session-a");

        Assert.Equal(PollingOnly.Schedule, next.Polls);
    }

    [Fact]
    public async Task SlowTurnSavedHere_KeepsTheSessionOnTheSignal()
    {
        _signal.Committed(Saved("session-a", "\"request-1\""));
        using (var watch = _signal.Watch("session-a"))
        {
            Assert.Empty(await watch.NextChangeAsync(TimeSpan.Zero, default));
            _signal.Committed(Saved("session-a", "\"request-2\""));
            Assert.Single(await watch.NextChangeAsync(TimeSpan.FromMinutes(5), default));
        }

        using var next = _signal.Watch("session-a");

        Assert.Equal(CommittedStateSignal.RunHere, next.Polls);
    }

    [Fact]
    public void SaveOfASessionTakenForElsewhere_BringsItBackToTheSignal()
    {
        using (var watch = _signal.Watch("session-a"))
        {
            Assert.Equal(PollingOnly.Schedule, watch.Polls);
        }

        _signal.Committed(Saved("session-a", "\"request-1\""));

        using var next = _signal.Watch("session-a");
        Assert.Equal(CommittedStateSignal.RunHere, next.Polls);
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
