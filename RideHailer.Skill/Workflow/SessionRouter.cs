using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RideHailer.Domain;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// One request's side of its session, through the durable client it was bound to (<see cref="SessionRouting.For"/>):
/// starts the session's orchestration or raises the turn on it, then waits for the reply published for this
/// request id, within <see cref="SessionOptions.ReplyTimeout"/>. The only owner of that wait.
/// </summary>
public sealed partial class SessionRouter
{
    private readonly DurableTaskClient _client;
    private readonly SessionRouting _routing;
    private readonly ILogger _logger;

    internal SessionRouter(DurableTaskClient client, SessionRouting routing)
    {
        _client = client;
        _routing = routing;
        _logger = routing.Logger;
    }

    /// <summary>
    /// Completes the turn with <paramref name="prepare"/> (the edge's reads: the rider's facts, the user's records) while the
    /// session is read, then delivers it: a turn's reads and the session's read are independent, so neither waits for the
    /// other. Null when <paramref name="prepare"/> declines the turn (null): it is not delivered.
    /// </summary>
    /// <param name="spent">Time the request has already taken (verification): the reply budget is for the whole request,
    /// since Alexa's 8 seconds are, and <paramref name="prepare"/> runs within it.</param>
    /// <param name="instanceId">The session's orchestration instance id (<see cref="SessionInstanceId.For"/>).</param>
    public async Task<TurnAnswer?> SendAsync(
        string instanceId, Func<CancellationToken, Task<TurnEvent?>> prepare, TimeSpan spent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var waited = Stopwatch.StartNew();
        var budget = _routing.Session.ReplyTimeout - spent;
        if (budget <= TimeSpan.Zero)
        {
            // A turn the rider will be told to repeat must not move the session on behind their back.
            return TurnAnswer.TimedOut;
        }

        // Half the budget may go to waiting for a place among the turns in flight; past that, the other half is
        // what a turn needs on a loaded host (p99 2.4 s at 32 riders on Azurite), so the turn is shed instead.
        using var admitted = await _routing.Admission.EnterAsync(_routing.Session.ReplyTimeout / 2 - spent, cancellationToken);
        if (admitted is null)
        {
            return TurnAnswer.Shed;
        }

        budget -= waited.Elapsed;
        // Every durable call shares the budget: under load starting or reaching a session can itself be slow,
        // and the rider should hear "try again" in time rather than Alexa giving up on the skill.
        using var withinBudget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        withinBudget.CancelAfter(budget);
        // Watching starts before the session is read, so a save after the read cannot be missed.
        using var watch = _routing.Signal.Watch(instanceId);
        var session = _client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, withinBudget.Token);
        try
        {
            if (await prepare(withinBudget.Token) is not { } turn)
            {
                return null;
            }

            return await DeliverAsync(instanceId, turn, await session, watch, withinBudget.Token)
                   ?? await AnsweredAsync(instanceId, turn, watch, withinBudget.Token);
        }
        catch (Exception) when (withinBudget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The budget ran out mid-call (the gRPC client reports that as cancellation).
            return TurnAnswer.TimedOut;
        }
        finally
        {
            // A read left behind by a declined or failed turn is observed here, so its fault is not left unobserved.
            if (!session.IsCompleted)
            {
                await withinBudget.CancelAsync();
            }

            await session.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Starts the session or raises the turn on it; the answer when the session has already given it.</summary>
    /// <param name="instance">The session as read before the turn was ready.</param>
    private async Task<TurnAnswer?> DeliverAsync(
        string instanceId, TurnEvent turn, OrchestrationMetadata? instance, ISessionWatch watch, CancellationToken cancellationToken)
    {
        if (instance is null && !turn.OpensSession)
        {
            // The session finished and was purged (Session:Retention): nothing of it is left to carry on.
            Log.SessionGone(_logger, instanceId, turn.RequestId);
            return TurnAnswer.Replied(Conversation.NotThisSession);
        }

        instance ??= await StartAsync(instanceId, turn, cancellationToken);
        if (instance is null)
        {
            return AnswerBeforeTheStart(instanceId, turn);
        }

        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            // DurableTask.AzureStorage discards an event for an instance it has not started yet, and it can hold a
            // start back for seconds (a start message read before its Instances row is retried 2 s later): a turn
            // raised now could be lost. This happens only when the turn before it went unanswered.
            await foreach (var saved in SavesAsync(instanceId, watch, cancellationToken))
            {
                if (saved.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
                {
                    instance = saved;
                    break;
                }
            }
        }

        if (AnswerFrom(instance, turn) is { } answer)
        {
            return answer;
        }

        await _client.RaiseEventAsync(instanceId, SessionOrchestration.TurnEventName, turn, cancellationToken);
        return null;
    }

    /// <summary>Tells a running session that Alexa ended it; Alexa expects no answer, so nothing waits.</summary>
    public async Task EndAsync(string instanceId, TurnEvent turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var instance = await _client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is { IsRunning: true })
        {
            await _client.RaiseEventAsync(instanceId, SessionOrchestration.TurnEventName, turn, cancellationToken);
            Log.SessionEndedByAlexa(_logger, instanceId, turn.RequestId);
        }
    }

    /// <summary>Starts the session with this turn; null when it started, the session when a concurrent request had started it.</summary>
    private async Task<OrchestrationMetadata?> StartAsync(string instanceId, TurnEvent turn, CancellationToken cancellationToken)
    {
        var input = new SessionInput(instanceId, _routing.InputSettings, _routing.Session.IdleTimeout) { FirstTurn = turn, TakesReadsAhead = true };
        try
        {
            await _client.ScheduleNewOrchestrationInstanceAsync(
                SessionOrchestration.Name, input, new StartOrchestrationOptions(InstanceId: instanceId), cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Alexa retried the session's first request while the first try was starting it: the instance
            // exists now, so this turn joins it (the orchestration ignores a request id it has answered).
            var started = await _client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (started is null)
            {
                throw;
            }

            Log.StartRaced(_logger, instanceId, exception);
            return started;
        }
    }

    /// <summary>
    /// The answer to a session's first turn when the conversation gives it without running anything (a launch's
    /// welcome): the orchestration decides the same turn from the same start the same way, so the rider hears it now
    /// rather than after the engine has run the start, which DurableTask.AzureStorage can hold back for seconds (a start
    /// message read before its Instances row is retried 2 s later). The start then overlaps the rider's listening and
    /// answering; the next turn waits for it if it has to. Null when the turn needs the session: a command to run (a
    /// one-shot ride request, so exactly-once stays the orchestration's), or a connection (its token carries the
    /// orchestration's nonce).
    /// </summary>
    private TurnAnswer? AnswerBeforeTheStart(string instanceId, TurnEvent turn)
    {
        var start = SessionState.Start(instanceId, turn.Locale);
        var decision = _routing.Conversation.Decide(start, turn.Turn, new TurnContext(DateTimeOffset.UtcNow, string.Empty, turn.Rider));
        if (decision is not { Commands.Count: 0, Reply: { Connection: null } reply })
        {
            return null;
        }

        Log.AnsweredBeforeTheStart(_logger, instanceId, turn.RequestId);
        return TurnAnswer.Replied(reply, decision.State.Locale);
    }

    /// <summary>The answer to this turn, from the first save of the session that has one.</summary>
    private async Task<TurnAnswer> AnsweredAsync(string instanceId, TurnEvent turn, ISessionWatch watch, CancellationToken cancellationToken)
    {
        await foreach (var saved in SavesAsync(instanceId, watch, cancellationToken))
        {
            if (AnswerFrom(saved, turn) is { } answer)
            {
                return answer;
            }
        }

        // The saves end only by cancellation, which the await above throws.
        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>
    /// The session's saves as the watch sees them, reading the session back on the signal's schedule when it sees
    /// none in time, or none can be seen here (another instance runs the session, or no signal at all). Ends only by
    /// cancellation (the budget).
    /// </summary>
    private async IAsyncEnumerable<OrchestrationMetadata> SavesAsync(
        string instanceId, ISessionWatch watch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reads = 0;
        while (true)
        {
            // Asked each time: a watch may learn during the wait that the session's saves are not seen here.
            var saves = await watch.NextChangeAsync(watch.Polls.After(reads), cancellationToken);
            if (saves.Count == 0)
            {
                reads++;
                var instance = await _client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
                saves = instance is null ? [] : [instance];
            }

            foreach (var saved in saves)
            {
                yield return saved;
            }
        }
    }

    /// <summary>
    /// The reply published for this request, if any. A session that has already finished answers a late turn
    /// with the reply it published as it finished; only its owner hears it.
    /// </summary>
    private static TurnAnswer? AnswerFrom(OrchestrationMetadata instance, TurnEvent turn)
    {
        var status = instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<SessionStatus>();
        if (status is not null && status.TryFind(turn.RequestId, out var reply))
        {
            return TurnAnswer.Replied(reply, status.Locale);
        }

        return instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed when instance.ReadOutputAs<SessionOutcome>() is { } outcome =>
                outcome.Owner is { } owner && !owner.Admits(turn.Caller)
                    ? TurnAnswer.Replied(Conversation.NotThisSession)
                    // A session finished before outcomes carried their late reply says the conversation is over.
                    : TurnAnswer.Replied(outcome.LateReply ?? Conversation.NotThisSession, outcome.State.Locale),
            OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated =>
                TurnAnswer.Failed,
            _ => null,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 41, Level = LogLevel.Information,
            Message = "Session {InstanceId} was started by a concurrent request; raising the turn instead")]
        public static partial void StartRaced(ILogger logger, string instanceId, Exception exception);

        [LoggerMessage(EventId = 43, Level = LogLevel.Information,
            Message = "Session {InstanceId} is not there (finished and purged); request {RequestId} is told the conversation has ended")]
        public static partial void SessionGone(ILogger logger, string instanceId, string requestId);

        [LoggerMessage(EventId = 44, Level = LogLevel.Debug,
            Message = "Session {InstanceId} answered request {RequestId} while its orchestration starts (the reply needs no state)")]
        public static partial void AnsweredBeforeTheStart(ILogger logger, string instanceId, string requestId);

        [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Session {InstanceId} ended by Alexa (request {RequestId})")]
        public static partial void SessionEndedByAlexa(ILogger logger, string instanceId, string requestId);
    }
}
