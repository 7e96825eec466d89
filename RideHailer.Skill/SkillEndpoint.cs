using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RideHailer.Domain;
using RideHailer.Skill.Alexa.Enrich;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Read.Requests;
using RideHailer.Skill.Alexa.Render;
using RideHailer.Skill.Alexa.Render.Responses;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.SkillEvents;
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
    RideHailerMetrics metrics,
    SkillEventResponder skillEvents,
    TimeProvider timeProvider,
    ILogger<SkillEndpoint> logger)
{
    /// <summary>Said when the session does not answer within <see cref="SessionOptions.ReplyTimeout"/>; the session stays open.</summary>
    public const string TooSlowSpeech = "Sorry, that took too long. Please try again.";

    /// <summary>Said, ending the session, when a session's first turn is shed: nothing was started, so opening the skill again is the way.</summary>
    public const string BusySpeech = "Sorry, Ride Hailer is very busy right now. Please try again in a minute.";

    /// <summary>Said when the session's orchestration has failed; nothing was booked by this request.</summary>
    public const string FailedSpeech = "Sorry, something went wrong with Ride Hailer. Please try again later.";

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
        using var scope = verification.Request is { } parsed ? Log.RequestScope(logger, parsed.RequestId, InstanceIdOf(parsed)) : null;
        if (!verification.IsVerified)
        {
            return Reject(verification.Rejection, verification.Request?.RequestId);
        }

        var request = verification.Request;
        var sessions = sessionRouting.For(durable);
        RecordAlexaError(request);
        if (request.Request is SkillEventRequest skillEvent)
        {
            // Something the customer did in the Alexa app, outside any session: no turn, no speech.
            return await skillEvents.HandleAsync(request, skillEvent, cancellationToken);
        }

        if (TurnReader.Read(request) is not { } turn)
        {
            // A request type the skill does not converse with (e.g. System.ExceptionEncountered): nothing to say.
            return SkillEndpointResult.Ok(ReplyRenderer.Render(null));
        }

        if (request.SessionId is not { Length: > 0 } sessionId || request.RequestId is not { Length: > 0 } requestId)
        {
            return Reject(new AlexaRejection(RejectionCategory.Malformed, "the request has no session id or request id"), null);
        }

        RecordConnectionResult(request);
        var caller = SessionCaller.Of(request.UserId, request.System?.Person?.PersonId);
        if (turn is SessionEnded)
        {
            await EndAsync(sessions, sessionId, new TurnEvent(requestId, turn, RiderFacts.None) { Caller = caller }, cancellationToken);
            return SkillEndpointResult.Ok(ReplyRenderer.Render(null));
        }

        var opensSession = request.Envelope.Session?.New != false;
        var answer = await ConverseAsync(request, sessions, sessionId, new TurnEvent(requestId, turn, RiderFacts.None) { Caller = caller, OpensSession = opensSession }, received, cancellationToken);
        var elapsed = timeProvider.GetElapsedTime(received);
        metrics.TurnAnswered(turn, answer.Kind, elapsed);
        var (instanceId, kind, outcome) = (SessionInstanceId.For(sessionId), MetricTags.TurnKind(turn), MetricTags.OutcomeOf(answer.Kind));
        Log.TurnCompleted(logger, requestId, instanceId, kind, outcome, elapsed.TotalMilliseconds);
        return SkillEndpointResult.Ok(Render(answer, opensSession));
    }

    /// <summary>Enriches the turn with the rider's facts and has the session answer it; a backend fault is an apology, never a 500.</summary>
    private async Task<TurnAnswer> ConverseAsync(
        AlexaRequest request, SessionRouter sessions, string sessionId, TurnEvent turn, long received, CancellationToken cancellationToken)
    {
        try
        {
            var rider = await riderFacts.LoadAsync(request, turn.Turn, cancellationToken);
            return await sessions.SendAsync(sessionId, turn with { Rider = rider }, timeProvider.GetElapsedTime(received), cancellationToken);
        }
        catch (Exception exception) when (IsFault(exception, cancellationToken))
        {
            Log.SessionUnavailable(logger, exception, turn.RequestId);
            return TurnAnswer.Failed;
        }
    }

    /// <summary>Tells the session Alexa ended it. Alexa expects nothing back; the session's own idle timeout ends it if it could not be told.</summary>
    private async Task EndAsync(SessionRouter sessions, string sessionId, TurnEvent turn, CancellationToken cancellationToken)
    {
        try
        {
            await sessions.EndAsync(sessionId, turn, cancellationToken);
        }
        catch (Exception exception) when (IsFault(exception, cancellationToken))
        {
            Log.SessionUnavailable(logger, exception, turn.RequestId);
        }
    }

    private static ResponseEnvelope Render(TurnAnswer answer, bool opensSession) => answer.Kind switch
    {
        TurnAnswerKind.Replied => ReplyRenderer.Render(answer.Reply),
        TurnAnswerKind.TimedOut => ReplyRenderer.Render(Reply.Ask(TooSlowSpeech, TooSlowSpeech)),
        // A shed turn never reached its session: a later turn carries on where it was, unless there is none yet.
        TurnAnswerKind.Shed when opensSession => ReplyRenderer.Render(Reply.Tell(BusySpeech)),
        TurnAnswerKind.Shed => ReplyRenderer.Render(Reply.Ask(TooSlowSpeech, TooSlowSpeech)),
        _ => ReplyRenderer.Render(Reply.Tell(FailedSpeech)),
    };

    private static string? InstanceIdOf(AlexaRequest request) =>
        request.SessionId is { Length: > 0 } sessionId ? SessionInstanceId.For(sessionId) : null;

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

    /// <summary>A connection's result, counted in Alexa's words read from the request (the turn has only the Domain's).</summary>
    private void RecordConnectionResult(AlexaRequest request)
    {
        if (ConnectionResultReport.From(request) is { } result)
        {
            metrics.ConnectionResolved(result);
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
