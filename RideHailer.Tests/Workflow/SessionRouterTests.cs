using System.Diagnostics.Metrics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using RideHailer.Domain;
using RideHailer.Skill.Telemetry;
using RideHailer.Skill.Workflow;

namespace RideHailer.Tests.Workflow;

public sealed class SessionRouterTests
{
    private static readonly TurnEvent Yes = new("amzn1.echo-api.request.1", new Yes(), RiderFacts.None);

    // The admission reports to metrics nobody here collects.
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task RequestThatAlreadyUsedItsBudget_IsAnsweredTooSlowAndNotDelivered()
    {
        var durable = RunningSession();
        var router = Router(TimeSpan.FromSeconds(6));

        var answer = await SendReadyAsync(router.For(durable.Object), Yes, TimeSpan.FromSeconds(6));

        Assert.Equal(TurnAnswerKind.TimedOut, answer.Kind);
        // A turn the rider will be told to repeat must not move the session on behind their back.
        durable.Verify(d => d.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SessionThatNeverAnswers_TimesOutAfterPolling()
    {
        var durable = RunningSession();
        var router = Router(TimeSpan.FromMilliseconds(300));

        var answer = await SendReadyAsync(router.For(durable.Object), Yes, TimeSpan.Zero);

        Assert.Equal(TurnAnswerKind.TimedOut, answer.Kind);
        durable.Verify(d => d.GetInstanceAsync(It.IsAny<string>(), true, It.IsAny<CancellationToken>()), Times.AtLeast(3));
    }

    [Fact]
    public async Task SessionNotStartedYet_GetsTheTurnOnlyOnceItRuns()
    {
        // DurableTask.AzureStorage discards an event for an instance it has not started: raising early would lose the turn.
        var durable = new Mock<DurableTaskClient>("test");
        var reads = 0;
        var raisedAfterReads = -1;
        durable.Setup(d => d.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((string id, bool _, CancellationToken _) => Task.FromResult<OrchestrationMetadata?>(
                new OrchestrationMetadata(SessionOrchestration.Name, id)
                {
                    RuntimeStatus = ++reads < 3 ? OrchestrationRuntimeStatus.Pending : OrchestrationRuntimeStatus.Running,
                }));
        durable.Setup(d => d.RaiseEventAsync(It.IsAny<string>(), SessionOrchestration.TurnEventName, It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Callback(() => raisedAfterReads = reads)
            .Returns(Task.CompletedTask);
        var router = Router(TimeSpan.FromMilliseconds(500));

        await SendReadyAsync(router.For(durable.Object), Yes, TimeSpan.Zero);

        Assert.Equal(3, raisedAfterReads);
    }

    [Fact]
    public async Task Launch_IsWelcomedWhileTheEngineHoldsTheStartBack()
    {
        // The engine has taken the start and not run it (its de-duplication back-off): the welcome needs no state.
        var durable = NotStartedSession();
        var launch = new TurnEvent("amzn1.echo-api.request.launch", new Launch(), RiderFacts.None) { Locale = "en-GB" };
        var router = Router(TimeSpan.FromSeconds(30));

        var answer = await SendReadyAsync(router.For(durable.Object), launch, TimeSpan.Zero);

        Assert.Equal(TurnAnswerKind.Replied, answer.Kind);
        Assert.Equal(new Conversation(new BookingOptions().ToConversationSettings())
            .Decide(SessionState.Start("session", "en-GB"), new Launch(), new TurnContext(DateTimeOffset.UnixEpoch, "n", RiderFacts.None)).Reply, answer.Reply);
        Assert.Equal("en-GB", answer.Locale);
        durable.Verify(d => d.ScheduleNewOrchestrationInstanceAsync(
            SessionOrchestration.Name, It.Is<SessionInput>(input => input.FirstTurn == launch), It.IsAny<StartOrchestrationOptions>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task OneShotRideRequest_WaitsForTheSessionItStarted()
    {
        // Finding the place, and so any booking after it, is the orchestration's to run, exactly once.
        var durable = NotStartedSession();
        var oneShot = new TurnEvent("amzn1.echo-api.request.one-shot", new RideRequested("the space needle", null), RiderFacts.None);
        var router = Router(TimeSpan.FromMilliseconds(400));

        var answer = await SendReadyAsync(router.For(durable.Object), oneShot, TimeSpan.Zero);

        Assert.Equal(TurnAnswerKind.TimedOut, answer.Kind);
    }

    [Fact]
    public async Task StartThatFailsWithNoSessionToJoin_IsNotTakenForARace()
    {
        var durable = new Mock<DurableTaskClient>("test");
        durable.Setup(d => d.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null);
        durable.Setup(d => d.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object>(), It.IsAny<StartOrchestrationOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("backend down"));
        var router = Router(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<InvalidOperationException>(() => SendReadyAsync(router.For(durable.Object), Yes, TimeSpan.Zero));
        durable.Verify(d => d.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SaveThatCannotBeSeenHere_IsReadBackOnTheSignalsSchedule()
    {
        // A session run by another instance, or a host with no signal: the watch never sees its saves.
        var signal = new BlindSignal(new PollSchedule(
            First: TimeSpan.FromMilliseconds(100), Every: TimeSpan.FromMilliseconds(10), Ceiling: TimeSpan.FromMilliseconds(15)));
        var durable = new Mock<DurableTaskClient>("test");
        var reads = 0;
        durable.Setup(d => d.GetInstanceAsync(It.IsAny<string>(), true, It.IsAny<CancellationToken>()))
            .Returns((string id, bool _, CancellationToken _) => Task.FromResult<OrchestrationMetadata?>(
                new OrchestrationMetadata(SessionOrchestration.Name, id)
                {
                    RuntimeStatus = OrchestrationRuntimeStatus.Running,
                    DataConverter = JsonDataConverter.Default,
                    // The first read is the one before the turn is raised; the reply shows on the third read after it.
                    SerializedCustomStatus = ++reads < 4 ? null : JsonDataConverter.Default.Serialize(new SessionStatus(Yes.RequestId, null)),
                }));
        var router = Router(TimeSpan.FromMinutes(5), signal);

        var answer = await SendReadyAsync(router.For(durable.Object), Yes, TimeSpan.Zero);

        Assert.Equal(TurnAnswerKind.Replied, answer.Kind);
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(15)], signal.Waits);
        Assert.Equal(4, reads);
    }

    [Fact]
    public async Task SessionIsRead_WhileTheTurnIsStillBeingPrepared()
    {
        // The edge's reads (profile, the user's records) and the session's read are independent: neither waits for the other.
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var durable = RunningSession();
        durable.Setup(d => d.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Callback(read.SetResult)
            .ReturnsAsync((string id, bool _, CancellationToken _) => new OrchestrationMetadata(SessionOrchestration.Name, id)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Running,
                DataConverter = JsonDataConverter.Default,
                SerializedCustomStatus = JsonDataConverter.Default.Serialize(new SessionStatus(Yes.RequestId, null)),
            });
        var router = Router(TimeSpan.FromSeconds(30));

        var answer = await router.For(durable.Object).SendAsync(
            "session", async budget => { await read.Task.WaitAsync(TimeSpan.FromSeconds(10), budget); return Yes; }, spent: TimeSpan.Zero, default);

        Assert.Equal(TurnAnswerKind.Replied, answer?.Kind);
    }

    [Fact]
    public async Task TurnDeclinedWhilePrepared_IsNeitherStartedNorRaised()
    {
        var durable = new Mock<DurableTaskClient>("test");
        durable.Setup(d => d.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null);
        var router = Router(TimeSpan.FromSeconds(30));

        var answer = await router.For(durable.Object).SendAsync("session", _ => Task.FromResult<TurnEvent?>(null), spent: TimeSpan.Zero, default);

        Assert.Null(answer);
        durable.Verify(d => d.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object>(), It.IsAny<StartOrchestrationOptions>(), It.IsAny<CancellationToken>()), Times.Never);
        durable.Verify(d => d.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    /// <summary>A session not there yet whose start the engine accepts and then holds back: it stays Pending.</summary>
    private static Mock<DurableTaskClient> NotStartedSession()
    {
        var durable = new Mock<DurableTaskClient>("test");
        var started = false;
        durable.Setup(d => d.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object>(), It.IsAny<StartOrchestrationOptions>(), It.IsAny<CancellationToken>()))
            .Callback(() => started = true)
            .ReturnsAsync("session");
        durable.Setup(d => d.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((string id, bool _, CancellationToken cancellation) => cancellation.IsCancellationRequested
                ? Task.FromCanceled<OrchestrationMetadata?>(cancellation)
                : Task.FromResult(started
                    ? new OrchestrationMetadata(SessionOrchestration.Name, id) { RuntimeStatus = OrchestrationRuntimeStatus.Pending }
                    : null));
        return durable;
    }

    private static Mock<DurableTaskClient> RunningSession()
    {
        var durable = new Mock<DurableTaskClient>("test");
        durable.Setup(d => d.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((string id, bool _, CancellationToken cancellation) => cancellation.IsCancellationRequested
                ? Task.FromCanceled<OrchestrationMetadata?>(cancellation)
                : Task.FromResult<OrchestrationMetadata?>(
                    new OrchestrationMetadata(SessionOrchestration.Name, id) { RuntimeStatus = OrchestrationRuntimeStatus.Running }));
        return durable;
    }

    /// <summary>A turn the edge has nothing to add to: delivered as it is, as every turn is once prepared.</summary>
    private static async Task<TurnAnswer> SendReadyAsync(SessionRouter router, TurnEvent turn, TimeSpan spent)
    {
        var answer = await router.SendAsync("session", _ => Task.FromResult<TurnEvent?>(turn), spent, default);
        Assert.NotNull(answer);
        return answer;
    }

    private static SessionRouting Router(TimeSpan replyTimeout, ISessionSignal? signal = null) => new(
        signal ?? new PollingOnly(),
        new TurnAdmission(Options.Create(new SessionOptions()), new RideHailerMetrics(Meters)),
        Options.Create(new SessionOptions { ReplyTimeout = replyTimeout }),
        new BookingOptions().ToConversationSettings(),
        NullLogger<SessionRouter>.Instance);

    /// <summary>A signal that sees no save (another instance runs the session): each wait ends at once, and is recorded.</summary>
    private sealed class BlindSignal(PollSchedule polls) : ISessionSignal, ISessionWatch
    {
        public List<TimeSpan> Waits { get; } = [];

        public PollSchedule Polls => polls;

        public ISessionWatch Watch(string instanceId) => this;

        public Task<IReadOnlyList<OrchestrationMetadata>> NextChangeAsync(TimeSpan atMost, CancellationToken cancellationToken)
        {
            Waits.Add(atMost);
            return Task.FromResult<IReadOnlyList<OrchestrationMetadata>>([]);
        }

        public void Dispose()
        {
        }
    }
}
