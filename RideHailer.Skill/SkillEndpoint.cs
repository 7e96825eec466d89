using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RideHailer.Domain;
using RideHailer.Domain.Replies;
using RideHailer.Skill.Alexa.Enrich;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Read.Requests;
using RideHailer.Skill.Alexa.Render;
using RideHailer.Skill.Alexa.Render.Responses;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.SkillEvents;
using RideHailer.Skill.Speech;
using RideHailer.Skill.Storage;
using RideHailer.Skill.Telemetry;
using RideHailer.Skill.Workflow;

namespace RideHailer.Skill;

/// <summary>
/// The skill's HTTP contract, independent of the host: raw body and headers in, status and JSON out. A request
/// is verified (<see cref="AlexaRequestVerifier"/>; a failure is a 400 and nothing past it runs), read as a
/// turn, enriched with the rider's facts here, where the request's credentials are, conversed with its
/// session, and the answer rendered.
/// </summary>
public sealed partial class SkillEndpoint(
    AlexaRequestVerifier verifier,
    RiderFactsLoader riderFacts,
    SessionRouting sessionRouting,
    PhraseBook phrases,
    RideHailerMetrics metrics,
    SkillEventResponder skillEvents,
    IUserLinks userLinks,
    IUserScopes userScopes,
    InstanceErasure instanceErasure,
    TurnReadAhead readAhead,
    TimeProvider timeProvider,
    ILogger<SkillEndpoint> logger)
{
    /// <param name="body">The raw body, cut by the host one byte past <see cref="AlexaRequestVerifier.MaxBodyBytes"/>.</param>
    public async Task<SkillEndpointResult> HandleAsync(
        ReadOnlyMemory<byte> body, AlexaRequestHeaders headers, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(durable);
        try
        {
            return await HandleCoreAsync(body, headers, durable, cancellationToken);
        }
        catch (Exception exception) when (IsFault(exception, cancellationToken))
        {
            // Last chance: never a host's error page (in Development it echoes stack, paths and headers). The fuzz
            // test proves this is never reached by input; only a bug of ours can get here.
            Log.Unhandled(logger, exception);
            return SkillEndpointResult.InternalError();
        }
    }

    private async Task<SkillEndpointResult> HandleCoreAsync(
        ReadOnlyMemory<byte> body, AlexaRequestHeaders headers, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var received = timeProvider.GetTimestamp();
        var verification = await verifier.VerifyAsync(body, headers, cancellationToken);

        // Every log line from here on, in any component this request runs through, carries its ids. Not named
        // RequestId: ASP.NET Core's own request scope has that key (its connection trace id), and would win.
        // The session id is hashed once, here: the log scope, the router and the turn's log line share it.
        var instanceId = verification.Request?.SessionId is { Length: > 0 } id ? SessionInstanceId.For(id) : null;
        using var scope = verification.Request is { } parsed ? Log.RequestScope(logger, parsed.RequestId, instanceId) : null;
        if (!verification.IsVerified)
        {
            return Reject(verification.Rejection, verification.Request?.RequestId);
        }

        var request = ReadRequest.From(verification.Request);
        var sessions = sessionRouting.For(durable);
        RecordAlexaError(request.Alexa);
        if (request.Alexa.Request is SkillEventRequest skillEvent)
        {
            // Something the customer did in the Alexa app, outside any session: no turn, no speech.
            try
            {
                await skillEvents.HandleAsync(request.Alexa, skillEvent, durable, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A store or backend that failed mid-way (an erasure is done only when the 200 goes): not the request's
                // fault, so a 503 that Alexa's redelivery answers, finishing what is left (every step is repeatable).
                Log.SkillEventFailed(logger, skillEvent.Type, exception);
                return SkillEndpointResult.Unavailable("the skill event could not be handled now; deliver it again");
            }

            return SkillEndpointResult.Ok(new ResponseEnvelope(new ResponseBody()));
        }

        if (request.Turn is not { } turn)
        {
            // A request type the skill does not converse with (e.g. System.ExceptionEncountered): nothing to say.
            return SkillEndpointResult.Ok(new ResponseEnvelope(new ResponseBody()));
        }

        if (instanceId is null || request.Alexa.RequestId is not { Length: > 0 } requestId)
        {
            return Reject(new AlexaRejection(RejectionCategory.Malformed, "the request has no session id or request id"), null);
        }

        if (request.ConnectionResult is { } result)
        {
            metrics.ConnectionResolved(result);
        }

        var caller = SessionCaller.Of(request.Alexa.UserId, request.Alexa.System?.Person?.PersonId);
        if (turn is SessionEnded)
        {
            await EndAsync(sessions, instanceId, new TurnEvent(requestId, turn, RiderFacts.None) { Caller = caller }, cancellationToken);
            return SkillEndpointResult.Ok(new ResponseEnvelope(new ResponseBody()));
        }

        var opensSession = request.Alexa.Envelope.Session?.New != false;
        var turnEvent = new TurnEvent(requestId, turn, RiderFacts.None)
        {
            Caller = caller,
            OpensSession = opensSession,
            Locale = request.Locale,
            UserKey = request.Alexa.UserId is { Length: > 0 } userId ? AlexaUserKey.For(userId) : null,
        };
        var answer = await ConverseAsync(request, sessions, durable, instanceId, turnEvent, received, cancellationToken);
        var elapsed = timeProvider.GetElapsedTime(received);
        metrics.TurnAnswered(turn, answer.Kind, elapsed);
        var (kind, outcome) = (MetricTags.TurnKind(turn), MetricTags.OutcomeOf(answer.Kind));
        Log.TurnCompleted(logger, requestId, instanceId, kind, outcome, elapsed.TotalMilliseconds);
        return SkillEndpointResult.Ok(Render(answer, opensSession, phrases.For(answer.Locale ?? request.Locale)));
    }

    /// <summary>Enriches the turn with the rider's facts and has the session answer it; a backend fault is an apology, never a 500.</summary>
    private async Task<TurnAnswer> ConverseAsync(
        ReadRequest request, SessionRouter sessions, DurableTaskClient durable, string instanceId, TurnEvent turn, long received, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await sessions.SendAsync(
                instanceId, budget => EnrichAsync(request, instanceId, turn, budget), timeProvider.GetElapsedTime(received), cancellationToken);
            if (answer is null)
            {
                // The user disabled the skill while this session was in flight (Alexa gives a returning user a new id): the
                // turn never reaches its session, so nothing of theirs is kept or booked again.
                Log.ForgottenUserTurn(logger, turn.RequestId, instanceId);
                return TurnAnswer.Replied(Conversation.NotThisSession);
            }

            if (turn.OpensSession && turn.UserKey is { } userKey
                && await UserRecordAsync<bool?>(async () => await userLinks.IsForgottenAsync(userKey, cancellationToken), turn.RequestId, cancellationToken) == true)
            {
                // Linked just before the tombstone, started just after the erasure looked for its instance: the erasure saw
                // the link but no session to end, so this turn, which started it, ends it. (Checked after the start, as the
                // erasure checks after its tombstone: one of the two always sees the other.)
                await instanceErasure.EndAndPurgeAsync(durable, [instanceId], cancellationToken);
                Log.ForgottenUserTurn(logger, turn.RequestId, instanceId);
                return TurnAnswer.Replied(Conversation.NotThisSession);
            }

            return answer;
        }
        catch (Exception exception) when (IsFault(exception, cancellationToken))
        {
            Log.SessionUnavailable(logger, exception, turn.RequestId);
            return TurnAnswer.Failed;
        }
    }

    /// <summary>
    /// The turn with the rider's facts and the reads it will command (<see cref="TurnReadAhead"/>), once the user's records say
    /// it may go on: null when the user was forgotten. A consent just accepted drops the user's reported scopes while the facts
    /// are read from Alexa's APIs (nothing of them is needed); the reads ahead run while the session is linked to the user.
    /// </summary>
    private async Task<TurnEvent?> EnrichAsync(ReadRequest request, string instanceId, TurnEvent turn, CancellationToken cancellationToken)
    {
        var cleared = request.IsAcceptedConsent
            ? UserRecordAsync(async () => (bool?)await ClearReportedScopesAsync(request, cancellationToken), turn.RequestId, cancellationToken)
            : Task.FromResult<bool?>(null);
        var scopes = await UserRecordAsync(() => ReportedScopesAsync(request, cancellationToken), turn.RequestId, cancellationToken);
        var rider = await riderFacts.LoadAsync(request with { ReportedScopes = scopes?.Account, ReportedPersonScopes = scopes?.Person }, cancellationToken);
        var reads = readAhead.RunAsync(turn.Turn, rider, cancellationToken);
        await cleared;
        var linked = await UserRecordAsync<bool?>(async () => await LinkAsync(request, instanceId, rider.RiderId, cancellationToken), turn.RequestId, cancellationToken);
        var readResults = await reads;
        return linked == false ? null : turn with { Rider = rider, ReadAhead = readResults };
    }

    /// <summary>
    /// Records, before the session runs, that it and its rider belong to the Alexa user, so SkillDisabled can forget
    /// them; false when the user was forgotten (<see cref="IUserLinks.MarkForgottenAsync"/>), and nothing recorded.
    /// </summary>
    private async Task<bool> LinkAsync(ReadRequest request, string instanceId, string? riderId, CancellationToken cancellationToken) =>
        request.Alexa.UserId is not { Length: > 0 } userId
        || await userLinks.LinkAsync(new UserLink(AlexaUserKey.For(userId), instanceId, riderId), cancellationToken);

    /// <summary>
    /// Reads or writes the user's records (links, reported scopes), which live in the bookings store. When that store
    /// is down the turn goes on without them, as it does without the look-up of a ride on its way: nothing can be
    /// booked for this session meanwhile (its booking would go to the same store), and its durable state is purged
    /// after Session:Retention whether linked or not.
    /// </summary>
    private async Task<T?> UserRecordAsync<T>(Func<Task<T?>> access, string requestId, CancellationToken cancellationToken)
    {
        try
        {
            return await access();
        }
        catch (Exception exception) when (IsFault(exception, cancellationToken))
        {
            Log.UserRecordUnavailable(logger, requestId, exception.GetType().Name);
            return default;
        }
    }

    /// <summary>
    /// The scopes the user's last permission events granted, the account's and the speaking person's own, read for a ride
    /// request (the one turn whose consent is planned from them).
    /// </summary>
    private async Task<ReportedGrants?> ReportedScopesAsync(ReadRequest request, CancellationToken cancellationToken) =>
        request.Alexa.UserId is { Length: > 0 } userId && request.Turn is RideRequested or RideHomeRequested
            ? await userScopes.FindGrantedScopesAsync(AlexaUserKey.For(userId), PersonKey(request), cancellationToken)
            : null;

    /// <summary>
    /// A consent just accepted by voice is newer than any event, so the account's and this person's records are dropped and
    /// Alexa's APIs are the truth again.
    /// </summary>
    private async Task<bool> ClearReportedScopesAsync(ReadRequest request, CancellationToken cancellationToken)
    {
        if (request.Alexa.UserId is { Length: > 0 } userId)
        {
            await userScopes.ClearGrantedScopesAsync(AlexaUserKey.For(userId), PersonKey(request), cancellationToken);
        }

        return true;
    }

    private static string? PersonKey(ReadRequest request) =>
        request.Alexa.System?.Person?.PersonId is { Length: > 0 } personId ? AlexaUserKey.ForPerson(personId) : null;

    /// <summary>Tells the session Alexa ended it. Alexa expects nothing back; the session's own idle timeout ends it if it could not be told.</summary>
    private async Task EndAsync(SessionRouter sessions, string instanceId, TurnEvent turn, CancellationToken cancellationToken)
    {
        try
        {
            await sessions.EndAsync(instanceId, turn, cancellationToken);
        }
        catch (Exception exception) when (IsFault(exception, cancellationToken))
        {
            Log.SessionUnavailable(logger, exception, turn.RequestId);
        }
    }

    private static ResponseEnvelope Render(TurnAnswer answer, bool opensSession, PhraseTable phrases) => ReplyRenderer.Render(
        answer.Kind switch
        {
            TurnAnswerKind.Replied => answer.Reply,
            TurnAnswerKind.TimedOut => TooSlow,
            // A shed turn never reached its session: a later turn carries on where it was, unless there is none yet.
            TurnAnswerKind.Shed when opensSession => Reply.Tell(Phrase.Busy),
            TurnAnswerKind.Shed => TooSlow,
            _ => Reply.Tell(Phrase.Failed),
        },
        phrases);

    /// <summary>Said when the session does not answer within <see cref="SessionOptions.ReplyTimeout"/>; the session stays open.</summary>
    private static Reply TooSlow { get; } = Reply.Ask([new Line(Phrase.TooSlow)], [new Line(Phrase.TooSlow)]);

    /// <summary>Anything but the caller's own cancellation: a timeout inside a call is a fault like any other.</summary>
    private static bool IsFault(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    /// <summary>Alexa's word that a response of ours failed: counted, and logged (the request ids say which response).</summary>
    private void RecordAlexaError(AlexaRequest request)
    {
        if (AlexaErrorReport.From(request.Request) is { } error)
        {
            metrics.AlexaErrorReported(error);
            Log.AlexaReportedError(logger, error.Request, error.ErrorType, error.Message, request.RequestId, error.CauseRequestId);
        }
    }

    /// <summary>A 400: counted by category, the exact reason logged; the caller hears only the rejection's public reason.</summary>
    private SkillEndpointResult Reject(AlexaRejection rejection, string? requestId)
    {
        metrics.RequestRejected(rejection.Category);
        Log.RequestRejected(logger, rejection.Reason, requestId);
        return SkillEndpointResult.BadRequest(rejection.PublicReason);
    }

    private static partial class Log
    {
        private static readonly Func<ILogger, string?, string?, IDisposable?> Scope =
            LoggerMessage.DefineScope<string?, string?>("Alexa request {AlexaRequestId} of session {SessionInstanceId}");

        public static IDisposable? RequestScope(ILogger logger, string? requestId, string? sessionInstanceId) =>
            Scope(logger, requestId, sessionInstanceId);

        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Rejected an Alexa request {RequestId}: {Reason}")]
        public static partial void RequestRejected(ILogger logger, string reason, string? requestId);

        [LoggerMessage(EventId = 7, Level = LogLevel.Warning,
            Message = "Request {RequestId} goes on without the user's records (links, reported scopes): {ErrorType}")]
        public static partial void UserRecordUnavailable(ILogger logger, string requestId, string errorType);

        [LoggerMessage(EventId = 8, Level = LogLevel.Information,
            Message = "Request {RequestId} of session {InstanceId} comes from a user who disabled the skill; it is not passed on")]
        public static partial void ForgottenUserTurn(ILogger logger, string requestId, string instanceId);

        [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Skill event {SkillEvent} could not be handled; answered 503 for Alexa to deliver it again")]
        public static partial void SkillEventFailed(ILogger logger, string skillEvent, Exception exception);

        [LoggerMessage(EventId = 6, Level = LogLevel.Critical, Message = "The Alexa endpoint failed unexpectedly; answered 500")]
        public static partial void Unhandled(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Request {RequestId} could not reach its session")]
        public static partial void SessionUnavailable(ILogger logger, Exception exception, string requestId);

        // The one line per answered turn: the durable round trip is inside it, and not logged again.
        [LoggerMessage(EventId = 4, Level = LogLevel.Information,
            Message = "Answered request {RequestId} of session {InstanceId} ({Turn}): {Outcome} after {ElapsedMs} ms")]
        public static partial void TurnCompleted(ILogger logger, string requestId, string instanceId, string turn, string outcome, double elapsedMs);

        [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
            Message = "Alexa reported a failed response ({AlexaError} {RequestId}, about request {CauseRequestId}): {ErrorType}: {ErrorMessage}")]
        public static partial void AlexaReportedError(
            ILogger logger, string alexaError, string? errorType, string? errorMessage, string? requestId, string? causeRequestId);
    }
}
