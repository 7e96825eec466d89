using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// One Alexa session: applies each turn with the domain conversation, runs its commands as activities,
/// and publishes the reply for the turn's request id as custom status. Deterministic: time and ids
/// come from the context, I/O happens only in activities.
/// </summary>
public static partial class SessionOrchestration
{
    public const string Name = "RideSession";
    public const string TurnEventName = "Turn";

    /// <summary>Turns per generation before ContinueAsNew, so the history replayed on each turn stays small.</summary>
    internal const int TurnsPerGeneration = 16;

    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 2, firstRetryInterval: TimeSpan.FromMilliseconds(250))
        {
            // The provider's own answers are not retried here: an unreachable provider was already given the turn's
            // time by the HTTP client (a second dispatch could outlive the turn that heard the apology), and an
            // expired quote is the rider's to hear.
            HandleFailure = failure => !IsProviderAnswer(failure.ErrorType),
        });

    /// <param name="markets">The markets help names example places of (the built-in catalog's), given by the host: a session's
    /// input leaves them out. They decide words only, never a command, so a session replayed under a newer catalog stays
    /// deterministic.</param>
    public static async Task<SessionOutcome> RunAsync(TaskOrchestrationContext context, SessionInput input, IReadOnlyList<PlaceMarket> markets)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger(typeof(SessionOrchestration));
        // A session started before the input left them out carries its own.
        var conversation = new Conversation(input.Settings.Markets is { Count: > 0 } ? input.Settings : input.Settings with { Markets = markets });
        var state = input.State ?? SessionState.Start(input.SessionKey, input.FirstTurn?.Locale);
        var owner = input.Owner ?? input.FirstTurn?.Caller;
        var status = input.LastStatus;
        var takesReads = input.TakesReadsAhead;
        if (status is not null)
        {
            context.SetCustomStatus(status);
        }

        using var inbox = new TurnInbox(context, input.IdleTimeout);
        var next = input.FirstTurn;
        for (var turns = 0; turns < TurnsPerGeneration; turns++)
        {
            var turn = next ?? await inbox.NextAsync();
            next = null;
            if (turn is null)
            {
                Log.SessionIdle(logger, context.InstanceId);
                state = conversation.Decide(state, new SessionEnded("idle"), Context(context, RiderFacts.None)).State;
                return SessionOutcome.Finished(state, owner);
            }

            if (status is not null && status.TryFind(turn.RequestId, out _))
            {
                // A retried request: its reply is already published; applying it again would change the session.
                Log.DuplicateRequest(logger, context.InstanceId, turn.RequestId);
                continue;
            }

            Reply? reply;
            if (owner is not null && !owner.Admits(turn.Caller))
            {
                // Someone else's request naming this session: answered, never applied.
                Log.ForeignCaller(logger, context.InstanceId, turn.RequestId);
                reply = turn.Turn is SessionEnded ? null : Conversation.NotThisSession;
            }
            else
            {
                (state, reply, var wrote) = await ApplyAsync(context, conversation, state, takesReads ? turn : turn with { ReadAhead = [] }, logger);
                takesReads &= !wrote;
            }

            status = (status?.Then(turn.RequestId, reply) ?? new SessionStatus(turn.RequestId, reply)) with
            {
                Locale = state.Locale,
                Step = state.Step,
                PendingConnection = state.PendingConnection?.Format(),
            };
            context.SetCustomStatus(status);
            if (state.IsFinished)
            {
                Log.SessionFinished(logger, context.InstanceId, state.Step);
                return SessionOutcome.Finished(state, owner);
            }
        }

        context.ContinueAsNew(input with { FirstTurn = null, State = state, LastStatus = status, Owner = owner, TakesReadsAhead = takesReads });
        return new SessionOutcome(state) { Owner = owner };
    }

    /// <summary>
    /// Decides the turn, then runs each command and decides its result, until a reply is ready; whether a command changed
    /// the rider's bookings (a booking or a cancel), which reads taken at the edge before it would not show.
    /// </summary>
    private static async Task<(SessionState State, Reply? Reply, bool Wrote)> ApplyAsync(
        TaskOrchestrationContext context, Conversation conversation, SessionState state, TurnEvent turn, ILogger logger)
    {
        var decision = conversation.Decide(state, turn.Turn, Context(context, turn.Rider));
        var reply = decision.Reply;
        (FindActiveRide Command, Task<Turn> Result)? lookup = null;
        var wrote = false;
        while (decision.Commands.Count > 0)
        {
            var command = decision.Commands[0];
            wrote |= command is BookRide or CancelRide;
            var run = lookup is { } ahead && ahead.Command == command
                ? ahead.Result
                : ReadOrRunAsync(context, command, turn, logger);
            lookup ??= LookAhead(context, decision.State, command, turn, logger);
            var result = await run;
            decision = conversation.Decide(decision.State, result, Context(context, turn.Rider));
            reply = decision.Reply ?? reply;
        }

        return (decision.State, reply, wrote);
    }

    /// <summary>
    /// A ride request whose place is being found will next, once a session, look up the rider's ride on its way; that
    /// look-up depends on the rider alone, so it runs beside the place search instead of after it, and is used only if
    /// the conversation then commands exactly it (an unused result changes nothing: the look-up only reads).
    /// </summary>
    private static (FindActiveRide, Task<Turn>)? LookAhead(
        TaskOrchestrationContext context, SessionState state, Command command, TurnEvent turn, ILogger logger) =>
        command is FindPlace && !state.ActiveRideChecked && turn.Rider.RiderId is { Length: > 0 } riderId
            ? (new FindActiveRide(riderId), ReadOrRunAsync(context, new FindActiveRide(riderId), turn, logger))
            : null;

    /// <summary>
    /// The result the edge read ahead for exactly this command (<see cref="TurnEvent.ReadAhead"/>), else its activity's. Only
    /// a read the Domain says the turn commands is taken from the event: a result for anything else (a booking, say) is not.
    /// </summary>
    private static Task<Turn> ReadOrRunAsync(TaskOrchestrationContext context, Command command, TurnEvent turn, ILogger logger) =>
        turn.ReadAhead.FirstOrDefault(read => read.Command == command) is { } read
        && Conversation.ReadsAhead(turn.Turn, turn.Rider).Contains(command)
            ? Task.FromResult(read.Result)
            : RunCommandAsync(context, command, turn.UserKey, logger);

    /// <summary>Runs one command as its activity; the turn it yields is the activity's result, or its failure.</summary>
    /// <param name="userKey">The turn's Alexa user (opaque), so a booking is refused once that user is forgotten.</param>
    private static async Task<Turn> RunCommandAsync(TaskOrchestrationContext context, Command command, string? userKey, ILogger logger)
    {
        try
        {
            return command switch
            {
                FindPlace find => await FindPlaceAsync(context, find),
                FindActiveRide find => await FindActiveRideAsync(context, find),
                QuoteRide quote => new QuoteReady(await context.CallActivityAsync<Quote>(
                    QuoteRideActivity.Name, new QuoteRideInput(quote, context.CurrentUtcDateTime), ActivityRetry)),
                BookRide book => new BookingDone(await context.CallActivityAsync<Booking>(
                    BookRideActivity.Name, new BookRideInput(book, context.CurrentUtcDateTime) { UserKey = userKey }, ActivityRetry)),
                FindLatestRide find => ReadAheadResult.LatestRide(await context.CallActivityAsync<Booking?>(
                    FindLatestRideActivity.Name, new FindLatestRideInput(find, context.CurrentUtcDateTime))),
                PriceCancellation price => new CancellationFeeFound(await context.CallActivityAsync<Money?>(
                    PriceCancellationActivity.Name, new PriceCancellationInput(price, context.CurrentUtcDateTime))),
                CancelRide cancel => await CancelRideAsync(context, cancel, logger),
                _ => throw new InvalidOperationException($"Unknown command {command.GetType().Name}."),
            };
        }
        catch (TaskFailedException failure)
        {
            Log.CommandFailed(logger, context.InstanceId, command.GetType().Name, failure.FailureDetails.ErrorType);
            var errorType = failure.FailureDetails.ErrorType;
            return command switch
            {
                QuoteRide or BookRide when errorType == UnreachableError => new RideServiceUnreachable(errorType),
                BookRide book when errorType == QuoteExpiredError => new BookingQuoteExpired(book.IdempotencyKey),
                BookRide => new BookingFailed(failure.FailureDetails.ErrorType),

                // A lookup that failed (the bookings store is down) must not block the rider: the conversation
                // carries on to consent or the quote as if there were no ride on its way.
                FindActiveRide => new ActiveRideLookupFailed(failure.FailureDetails.ErrorType),
                FindPlace => new PlaceSearchFailed(failure.FailureDetails.ErrorType),
                FindLatestRide => new LatestRideLookupFailed(failure.FailureDetails.ErrorType),
                PriceCancellation => new CancellationFeeFailed(failure.FailureDetails.ErrorType),
                CancelRide => new RideCancelFailed(
                    failure.FailureDetails.ErrorType, failure.FailureDetails.IsCausedBy<RideServiceUnreachableException>()),
                _ => new QuoteFailed(failure.FailureDetails.ErrorType),
            };
        }
    }

    /// <summary>
    /// One attempt, without the retry the other activities get: the store's client already retries within its own
    /// few seconds, and a second attempt would keep the rider waiting past the reply timeout for a check whose
    /// failure is not fatal.
    /// </summary>
    private static async Task<Turn> FindActiveRideAsync(TaskOrchestrationContext context, FindActiveRide find)
    {
        var active = await context.CallActivityAsync<Booking?>(
            FindActiveRideActivity.Name, new FindActiveRideInput(find, context.CurrentUtcDateTime));
        return ReadAheadResult.ActiveRide(active);
    }

    /// <summary>
    /// Cancels the ride (the activity records the end on the booking), then tells the ride's orchestration so it ends.
    /// The rider's cancel stands even when that message fails: the booking already says the ride ended.
    /// </summary>
    private static async Task<Turn> CancelRideAsync(TaskOrchestrationContext context, CancelRide cancel, ILogger logger)
    {
        var cancellation = await context.CallActivityAsync<RideCancellation>(
            CancelRideActivity.Name, new CancelRideInput(cancel, context.CurrentUtcDateTime), ActivityRetry);
        try
        {
            await context.CallActivityAsync<bool>(
                RaiseRideCanceledActivity.Name, new RaiseRideCanceledInput(cancel.BookingKey, cancellation), ActivityRetry);
        }
        catch (TaskFailedException failure)
        {
            Log.CommandFailed(logger, context.InstanceId, RaiseRideCanceledActivity.Name, failure.FailureDetails.ErrorType);
        }

        return new RideCanceled(cancellation);
    }

    /// <summary>The search's whole answer goes to the conversation, which decides between one place, a choice and none.</summary>
    private static async Task<Turn> FindPlaceAsync(TaskOrchestrationContext context, FindPlace find) =>
        ReadAheadResult.PlacesFound(await context.CallActivityAsync<IReadOnlyList<Place>>(FindPlaceActivity.Name, find, ActivityRetry));

    private static readonly string UnreachableError = typeof(RideServiceUnreachableException).FullName!;
    private static readonly string QuoteExpiredError = typeof(QuoteExpiredException).FullName!;

    private static bool IsProviderAnswer(string errorType) => errorType == UnreachableError || errorType == QuoteExpiredError;

    private static TurnContext Context(TaskOrchestrationContext context, RiderFacts rider) =>
        new(new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero), context.NewGuid().ToString("N"), rider);

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Session {InstanceId} finished at {Step}")]
        public static partial void SessionFinished(ILogger logger, string instanceId, SessionStep step);

        [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Session {InstanceId} ended after the idle timeout")]
        public static partial void SessionIdle(ILogger logger, string instanceId);

        [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Session {InstanceId} ignored repeated request {RequestId}")]
        public static partial void DuplicateRequest(ILogger logger, string instanceId, string requestId);

        [LoggerMessage(EventId = 24, Level = LogLevel.Warning,
            Message = "Session {InstanceId} refused request {RequestId}: it comes from another Alexa user or person than the one who opened the session")]
        public static partial void ForeignCaller(ILogger logger, string instanceId, string requestId);

        [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Session {InstanceId}: {Command} failed with {ErrorType}")]
        public static partial void CommandFailed(ILogger logger, string instanceId, string command, string errorType);
    }
}
