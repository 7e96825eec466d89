using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Alexa;
using RideHailer.Skill.Alexa.Requests;
using RideHailer.Skill.Alexa.Responses;
using RideHailer.Skill.Alexa.Verification;

namespace RideHailer.Skill;

/// <summary>
/// The skill's HTTP contract, independent of the host: raw body and headers in, status and JSON out.
/// Bad input is always a 400 with a reason; nothing past a failed check runs.
/// </summary>
public sealed partial class SkillEndpoint(
    AlexaSignatureVerifier verifier,
    IOptions<AlexaOptions> options,
    TimeProvider timeProvider,
    ILogger<SkillEndpoint> logger)
{
    /// <summary>Alexa's requests are a few KiB; anything this large is not from Alexa.</summary>
    public const int MaxBodyBytes = 128 * 1024;

    private readonly AlexaOptions _options = options.Value;

    public async Task<SkillEndpointResult> HandleAsync(
        ReadOnlyMemory<byte> body, AlexaRequestHeaders headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
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

        return SkillEndpointResult.Ok(Answer(request));
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

    // Until the conversation lands, the endpoint answers the launch and nothing else.
    private static ResponseEnvelope Answer(AlexaRequest request) => request.Request switch
    {
        LaunchRequest => Speak("Welcome to Ride Hailer. Where would you like to go?", endSession: false),
        SessionEndedRequest => new ResponseEnvelope(new ResponseBody()),
        _ => Speak("Sorry, I can't do that yet.", endSession: true),
    };

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
