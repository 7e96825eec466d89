using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Domain;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// The endpoint's side of a session: starts the session's orchestration or raises the turn on it, then
/// waits for the reply published for this request id, within <see cref="SessionOptions.ReplyTimeout"/>.
/// </summary>
public sealed partial class SessionRouter(
    ISessionSignal signal,
    TurnAdmission admission,
    IOptions<SessionOptions> sessionOptions,
    IOptions<BookingOptions> bookingOptions,
    TimeProvider timeProvider,
    ILogger<SessionRouter> logger)
{
    private readonly SessionOptions _session = sessionOptions.Value;
    private readonly ConversationSettings _settings = bookingOptions.Value.ToConversationSettings();

    /// <param name="spent">Time the request has already taken (verification, profile reads): the reply
    /// budget is for the whole request, since Alexa's 8 seconds are.</param>
    public async Task<TurnAnswer> SendAsync(
        DurableTaskClient client, string sessionId, TurnEvent turn, TimeSpan spent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(turn);
        var instanceId = SessionInstanceId.For(sessionId);
        var elapsed = Stopwatch.StartNew();
        var budget = _session.ReplyTimeout - spent;
        if (budget <= TimeSpan.Zero)
        {
            // A turn the rider will be told to repeat must not move the session on behind their back.
            Log.TurnAnswered(logger, instanceId, turn.RequestId, turn.Turn.GetType().Name, TurnAnswerKind.TimedOut, 0);
            return TurnAnswer.TimedOut;
        }

        // Half the budget may go to waiting for a place among the turns in flight; past that, the other half is
        // what a turn needs on a loaded host (p99 2.4 s at 32 riders on Azurite), so the turn is shed instead.
        using var admitted = await admission.EnterAsync(_session.ReplyTimeout / 2 - spent, cancellationToken);
        if (admitted is null)
        {
            Log.TurnAnswered(logger, instanceId, turn.RequestId, turn.Turn.GetType().Name, TurnAnswerKind.Shed, elapsed.Elapsed.TotalMilliseconds);
            return TurnAnswer.Shed;
        }

        budget -= elapsed.Elapsed;
        // Every durable call shares the budget: under load starting or reaching a session can itself be slow,
        // and the rider should hear "try again" in time rather than Alexa giving up on the skill.
        using var withinBudget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        withinBudget.CancelAfter(budget);
        // Watching starts before the turn is delivered, so the save that answers it cannot be missed.
        using var watch = signal.Watch(instanceId);
        TurnAnswer result;
        try
        {
            result = await DeliverAsync(client, instanceId, turn, watch, withinBudget.Token)
                     ?? await watch.UntilAsync(signal, client, instanceId, saved => AnswerFrom(saved, turn), withinBudget.Token);
        }
        catch (Exception) when (withinBudget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The budget ran out mid-call (the gRPC client reports that as cancellation).
            result = TurnAnswer.TimedOut;
        }

        Log.TurnAnswered(logger, instanceId, turn.RequestId, turn.Turn.GetType().Name, result.Kind, elapsed.Elapsed.TotalMilliseconds);
        return result;
    }

    /// <summary>Starts the session or raises the turn on it; the answer when the session has already given it.</summary>
    private async Task<TurnAnswer?> DeliverAsync(
        DurableTaskClient client, string instanceId, TurnEvent turn, ISessionWatch watch, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null && !turn.OpensSession)
        {
            // The session finished and was purged (Session:Retention): nothing of it is left to carry on.
            Log.SessionGone(logger, instanceId, turn.RequestId);
            return TurnAnswer.Replied(Conversation.NotThisSession);
        }

        instance ??= await StartAsync(client, instanceId, turn, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            // DurableTask.AzureStorage discards an event for an instance it has not started yet, and it can hold a
            // start back for seconds (a start message read before its Instances row is retried 2 s later): a turn
            // raised now could be lost. This happens only when the turn before it went unanswered.
            instance = await watch.UntilAsync(signal, client, instanceId,
                started => started.RuntimeStatus == OrchestrationRuntimeStatus.Pending ? null : started, cancellationToken);
        }

        if (AnswerFrom(instance, turn) is { } answer)
        {
            return answer;
        }

        await client.RaiseEventAsync(instanceId, SessionOrchestration.TurnEventName, turn, cancellationToken);
        return null;
    }

    /// <summary>Tells a running session that Alexa ended it; Alexa expects no answer, so nothing waits.</summary>
    public async Task EndAsync(DurableTaskClient client, string sessionId, TurnEvent turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instanceId = SessionInstanceId.For(sessionId);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is { IsRunning: true })
        {
            await client.RaiseEventAsync(instanceId, SessionOrchestration.TurnEventName, turn, cancellationToken);
            Log.SessionEndedByAlexa(logger, instanceId, turn.RequestId);
        }
    }

    /// <summary>Starts the session with this turn; null when it started, the session when a concurrent request had started it.</summary>
    private async Task<OrchestrationMetadata?> StartAsync(DurableTaskClient client, string instanceId, TurnEvent turn, CancellationToken cancellationToken)
    {
        var input = new SessionInput(instanceId, _settings, _session.IdleTimeout) { FirstTurn = turn };
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                SessionOrchestration.Name, input, new StartOrchestrationOptions(InstanceId: instanceId), cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Alexa retried the session's first request while the first try was starting it: the instance
            // exists now, so this turn joins it (the orchestration ignores a request id it has answered).
            var started = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (started is null)
            {
                throw;
            }

            Log.StartRaced(logger, instanceId, exception);
            return started;
        }
    }

    /// <summary>
    /// The reply published for this request, if any. A session that has already finished answers late
    /// turns from its final state with the same pure conversation, so nothing is ever commanded again.
    /// </summary>
    private TurnAnswer? AnswerFrom(OrchestrationMetadata instance, TurnEvent turn)
    {
        var status = instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<SessionStatus>();
        if (status is not null && status.TryFind(turn.RequestId, out var reply))
        {
            return TurnAnswer.Replied(reply);
        }

        return instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed when instance.ReadOutputAs<SessionOutcome>() is { } outcome =>
                TurnAnswer.Replied(outcome.Owner is { } owner && !owner.Admits(turn.Caller)
                    ? Conversation.NotThisSession
                    : AfterTheEnd(outcome.State, turn)),
            OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated =>
                TurnAnswer.Failed,
            _ => null,
        };
    }

    private Reply? AfterTheEnd(SessionState state, TurnEvent turn)
    {
        var context = new TurnContext(timeProvider.GetUtcNow(), Guid.NewGuid().ToString("N"), turn.Rider);
        var decision = new Conversation(_settings).Decide(state, turn.Turn, context);
        return decision.Commands.Count == 0 ? decision.Reply : null;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 40, Level = LogLevel.Information,
            Message = "Session {InstanceId} answered request {RequestId} ({Turn}): {Outcome} in {ElapsedMs} ms")]
        public static partial void TurnAnswered(ILogger logger, string instanceId, string requestId, string turn, TurnAnswerKind outcome, double elapsedMs);

        [LoggerMessage(EventId = 41, Level = LogLevel.Information,
            Message = "Session {InstanceId} was started by a concurrent request; raising the turn instead")]
        public static partial void StartRaced(ILogger logger, string instanceId, Exception exception);

        [LoggerMessage(EventId = 43, Level = LogLevel.Information,
            Message = "Session {InstanceId} is not there (finished and purged); request {RequestId} is told the conversation has ended")]
        public static partial void SessionGone(ILogger logger, string instanceId, string requestId);

        [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Session {InstanceId} ended by Alexa (request {RequestId})")]
        public static partial void SessionEndedByAlexa(ILogger logger, string instanceId, string requestId);
    }
}
