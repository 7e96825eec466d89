using System.Net.Http.Headers;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Domain;
using RideHailer.Skill.Alexa;
using RideHailer.Skill.Alexa.Requests;
using RideHailer.Skill.Alexa.Verification;
using RideHailer.Skill.Telemetry;
using RideHailer.Skill.Workflow;

namespace RideHailer.Skill;

/// <summary>
/// The skill's HTTP contract, independent of the host: raw body and headers in, status and JSON out.
/// Bad input is always a 400 with a reason; nothing past a failed check runs. A valid turn is enriched
/// with the rider's facts here, where the request's credentials are, and handed to the session.
/// </summary>
public sealed partial class SkillEndpoint(
    AlexaSignatureVerifier verifier,
    RiderFactsLoader riderFacts,
    SessionRouter sessions,
    RideHailerMetrics metrics,
    IOptions<AlexaOptions> options,
    TimeProvider timeProvider,
    ILogger<SkillEndpoint> logger)
{
    /// <summary>Alexa's requests are a few KiB; anything this large is not from Alexa.</summary>
    public const int MaxBodyBytes = 128 * 1024;

    private const string OversizedBody = "the body is larger than 128 KiB";

    private readonly AlexaOptions _options = options.Value;

    /// <summary>Said when the session does not answer within <see cref="SessionOptions.ReplyTimeout"/>; the session stays open.</summary>
    public const string TooSlowSpeech = "Sorry, that took too long. Please try again.";

    /// <summary>Said, ending the session, when a session's first turn is shed: nothing was started, so opening the skill again is the way.</summary>
    public const string BusySpeech = "Sorry, Ride Hailer is very busy right now. Please try again in a minute.";

    /// <summary>Said when the session's orchestration has failed; nothing was booked by this request.</summary>
    public const string FailedSpeech = "Sorry, something went wrong with Ride Hailer. Please try again later.";

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
        if (CheckShape(body, headers) is { } shapeFailure)
        {
            return Reject(shapeFailure);
        }

        if (_options.VerifySignatures)
        {
            var signature = await verifier.VerifyAsync(body, headers.SignatureCertChainUrl, headers.Signature256, cancellationToken);
            if (!signature.IsValid)
            {
                return RejectUnverified(RejectionCategory.Signature, signature.FailureReason ?? "signature check failed", null);
            }
        }

        if (!AlexaRequestParser.TryParse(body.Span, out var request, out var parseFailure))
        {
            return Reject(parseFailure);
        }

        // Every log line from here on, in any component this request runs through, carries its ids. Not named
        // RequestId: ASP.NET Core's own request scope has that key (its connection trace id), and would win.
        using var scope = Log.RequestScope(
            logger, request.RequestId, request.SessionId is { Length: > 0 } sessionId ? SessionInstanceId.For(sessionId) : null);
        if (RequestRules.CheckSkillId(request, _options.SkillId) is { } skillIdFailure)
        {
            return RejectUnverified(RejectionCategory.SkillId, skillIdFailure, request.RequestId);
        }

        if (RequestRules.CheckTimestamp(request.Request.Timestamp, timeProvider.GetUtcNow()) is { } timestampFailure)
        {
            return RejectUnverified(RejectionCategory.Timestamp, timestampFailure, request.RequestId);
        }

        return await ConverseAsync(request, durable, received, cancellationToken);
    }

    private async Task<SkillEndpointResult> ConverseAsync(
        AlexaRequest request, DurableTaskClient durable, long received, CancellationToken cancellationToken)
    {
        RecordAlexaError(request);
        if (TurnReader.Read(request) is not { } turn)
        {
            // A request type the skill does not converse with (e.g. System.ExceptionEncountered): nothing to say.
            return SkillEndpointResult.Ok(ReplyRenderer.Render(null));
        }

        if (request.SessionId is not { Length: > 0 } sessionId || request.RequestId is not { Length: > 0 } requestId)
        {
            return Reject("the request has no session id or request id");
        }

        RecordConnectionResult(turn);
        var caller = SessionCaller.Of(request.UserId, request.System?.Person?.PersonId);

        if (turn is SessionEnded)
        {
            try
            {
                await sessions.EndAsync(durable, sessionId, new TurnEvent(requestId, turn, RiderFacts.None) { Caller = caller }, cancellationToken);
            }
            catch (Exception exception) when (IsFault(exception, cancellationToken))
            {
                // Alexa expects nothing back; the session's own idle timeout ends it if it could not be told.
                Log.SessionUnavailable(logger, exception, requestId);
            }

            return SkillEndpointResult.Ok(ReplyRenderer.Render(null));
        }

        TurnAnswer answer;
        var opensSession = request.Envelope.Session?.New != false;
        try
        {
            var rider = await riderFacts.LoadAsync(request, turn, cancellationToken);
            answer = await sessions.SendAsync(
                durable, sessionId, new TurnEvent(requestId, turn, rider) { Caller = caller, OpensSession = opensSession }, timeProvider.GetElapsedTime(received), cancellationToken);
        }
        catch (Exception exception) when (IsFault(exception, cancellationToken))
        {
            // The durable backend is unreachable or failed: the rider hears an apology, never a 500.
            Log.SessionUnavailable(logger, exception, requestId);
            answer = TurnAnswer.Failed;
        }

        var elapsed = timeProvider.GetElapsedTime(received);
        metrics.TurnAnswered(turn, answer.Kind, elapsed);
        var (kind, outcome) = (MetricTags.TurnKind(turn), MetricTags.OutcomeOf(answer.Kind));
        Log.TurnCompleted(logger, requestId, kind, outcome, elapsed.TotalMilliseconds);
        return SkillEndpointResult.Ok(answer.Kind switch
        {
            TurnAnswerKind.Replied => ReplyRenderer.Render(answer.Reply),
            TurnAnswerKind.TimedOut => ReplyRenderer.Render(Reply.Ask(TooSlowSpeech, TooSlowSpeech)),
            // A shed turn never reached its session: a later turn carries on where it was, unless there is none yet.
            TurnAnswerKind.Shed when opensSession => ReplyRenderer.Render(Reply.Tell(BusySpeech)),
            TurnAnswerKind.Shed => ReplyRenderer.Render(Reply.Ask(TooSlowSpeech, TooSlowSpeech)),
            _ => ReplyRenderer.Render(Reply.Tell(FailedSpeech)),
        });
    }

    /// <summary>Anything but the caller's own cancellation: a timeout inside a call is a fault like any other.</summary>
    private static bool IsFault(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    private static string? CheckShape(ReadOnlyMemory<byte> body, AlexaRequestHeaders headers)
    {
        if (body.IsEmpty)
        {
            return "the body is empty";
        }

        if (body.Length > MaxBodyBytes)
        {
            return OversizedBody;
        }

        // application/json, with parameters (charset) or without; a prefix match would let application/jsonp in.
        return headers.ContentType is { } contentType &&
               !(MediaTypeHeaderValue.TryParse(contentType, out var mediaType) &&
                 string.Equals(mediaType.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            ? "the content type is not application/json"
            : null;
    }

    /// <summary>Alexa's word that a response of ours failed: counted, and logged (the request ids say which response).</summary>
    private void RecordAlexaError(AlexaRequest request)
    {
        if (AlexaErrorReport.From(request.Request) is { } error)
        {
            metrics.AlexaErrorReported(error);
            Log.AlexaReportedError(logger, error.Request, error.ErrorType, error.Message, request.RequestId, error.CauseRequestId);
        }
    }

    private void RecordConnectionResult(Turn turn)
    {
        switch (turn)
        {
            case ConsentResolved consent:
                metrics.ConsentResolved(consent);
                break;
            case PinResolved pin:
                metrics.PinResolved(pin);
                break;
        }
    }

    /// <summary>A body the HTTP layer stopped reading at <see cref="MaxBodyBytes"/>: refused, counted and logged like any malformed request.</summary>
    public SkillEndpointResult RejectOversizedBody() => Reject(OversizedBody);

    /// <summary>A request that is not an Alexa envelope at all: the reason is safe to return, it names no input.</summary>
    private SkillEndpointResult Reject(string reason)
    {
        metrics.RequestRejected(RejectionCategory.Malformed);
        Log.RequestRejected(logger, reason, null);
        return SkillEndpointResult.BadRequest(reason);
    }

    /// <summary>A request that failed verification: the reason goes to the log only, the caller learns nothing.</summary>
    private SkillEndpointResult RejectUnverified(RejectionCategory category, string reason, string? requestId)
    {
        metrics.RequestRejected(category);
        Log.RequestRejected(logger, reason, requestId);
        return SkillEndpointResult.BadRequest("request verification failed");
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

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Answered request {RequestId} ({Turn}): {Outcome} after {ElapsedMs} ms")]
        public static partial void TurnCompleted(ILogger logger, string requestId, string turn, string outcome, double elapsedMs);

        [LoggerMessage(EventId = 5, Level = LogLevel.Warning,
            Message = "Alexa reported a failed response ({AlexaError} {RequestId}, about request {CauseRequestId}): {ErrorType}: {ErrorMessage}")]
        public static partial void AlexaReportedError(
            ILogger logger, string alexaError, string? errorType, string? errorMessage, string? requestId, string? causeRequestId);
    }
}
