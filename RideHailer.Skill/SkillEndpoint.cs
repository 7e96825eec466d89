using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Alexa;
using RideHailer.Skill.Alexa.Requests;
using RideHailer.Skill.Alexa.Responses;
using RideHailer.Skill.Alexa.Verification;
using RideHailer.Skill.Workflow;
using RideHailer.Domain;

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
    IOptions<AlexaOptions> options,
    TimeProvider timeProvider,
    ILogger<SkillEndpoint> logger)
{
    /// <summary>Alexa's requests are a few KiB; anything this large is not from Alexa.</summary>
    public const int MaxBodyBytes = 128 * 1024;

    private readonly AlexaOptions _options = options.Value;

    /// <summary>Said when the session does not answer within <see cref="SessionOptions.ReplyTimeout"/>; the session stays open.</summary>
    public const string TooSlowSpeech = "Sorry, that took too long. Please try again.";

    /// <summary>Said when the session's orchestration has failed; nothing was booked by this request.</summary>
    public const string FailedSpeech = "Sorry, something went wrong with Ride Hailer. Please try again later.";

    public async Task<SkillEndpointResult> HandleAsync(
        ReadOnlyMemory<byte> body, AlexaRequestHeaders headers, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(durable);
        if (Reject(CheckShape(body, headers)) is { } shapeRejection)
        {
            return shapeRejection;
        }

        if (_options.VerifySignatures)
        {
            var signature = await verifier.VerifyAsync(body, headers.SignatureCertChainUrl, headers.Signature256, cancellationToken);
            if (!signature.IsValid)
            {
                Log.RequestRejected(logger, signature.FailureReason ?? "signature check failed", null);
                return SkillEndpointResult.BadRequest("request verification failed");
            }
        }

        if (!AlexaRequestParser.TryParse(body.Span, out var request, out var parseFailure))
        {
            return Reject(parseFailure)!;
        }

        var ruleFailure = RequestRules.CheckSkillId(request, _options.SkillId) ??
                          RequestRules.CheckTimestamp(request.Request.Timestamp, timeProvider.GetUtcNow());
        if (ruleFailure is not null)
        {
            Log.RequestRejected(logger, ruleFailure, request.RequestId);
            return SkillEndpointResult.BadRequest("request verification failed");
        }

        return await ConverseAsync(request, durable, cancellationToken);
    }

    private async Task<SkillEndpointResult> ConverseAsync(AlexaRequest request, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (TurnReader.Read(request) is not { } turn)
        {
            // A request type the skill does not converse with (e.g. System.ExceptionEncountered): nothing to say.
            return SkillEndpointResult.Ok(ReplyRenderer.Render(null));
        }

        if (request.SessionId is not { Length: > 0 } sessionId || request.RequestId is not { Length: > 0 } requestId)
        {
            return Reject("the request has no session id or request id")!;
        }

        if (turn is SessionEnded)
        {
            await sessions.EndAsync(durable, sessionId, new TurnEvent(requestId, turn, RiderFacts.None), cancellationToken);
            return SkillEndpointResult.Ok(ReplyRenderer.Render(null));
        }

        var rider = await riderFacts.LoadAsync(request, turn, cancellationToken);
        var answer = await sessions.SendAsync(durable, sessionId, new TurnEvent(requestId, turn, rider), cancellationToken);
        return SkillEndpointResult.Ok(answer.Kind switch
        {
            TurnAnswerKind.Replied => ReplyRenderer.Render(answer.Reply),
            TurnAnswerKind.TimedOut => Speak(TooSlowSpeech, endSession: false),
            _ => Speak(FailedSpeech, endSession: true),
        });
    }

    private static string? CheckShape(ReadOnlyMemory<byte> body, AlexaRequestHeaders headers)
    {
        if (body.IsEmpty)
        {
            return "the body is empty";
        }

        if (body.Length > MaxBodyBytes)
        {
            return "the body is larger than 128 KiB";
        }

        return headers.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            ? "the content type is not application/json"
            : null;
    }

    private SkillEndpointResult? Reject(string? reason)
    {
        if (reason is null)
        {
            return null;
        }

        Log.RequestRejected(logger, reason, null);
        return SkillEndpointResult.BadRequest(reason);
    }

    private static ResponseEnvelope Speak(string text, bool endSession) =>
        new(new ResponseBody
        {
            OutputSpeech = new PlainTextSpeech(text),
            Reprompt = endSession ? null : new Reprompt(new PlainTextSpeech(text)),
            ShouldEndSession = endSession,
        });

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Rejected an Alexa request {RequestId}: {Reason}")]
        public static partial void RequestRejected(ILogger logger, string reason, string? requestId);
    }
}
