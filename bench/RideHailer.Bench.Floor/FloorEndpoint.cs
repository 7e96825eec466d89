using Microsoft.Extensions.Options;
using RideHailer.Domain;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Enrich;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Render;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.Speech;
using RideHailer.Skill.Workflow;

namespace RideHailer.Bench.Floor;

/// <summary>
/// SkillEndpoint's path, step for step (body limit, content type, verification when on, parse, skill id and
/// timestamp rules, turn, rider facts, render), with <see cref="InMemorySessions"/> where the endpoint
/// raises an event on the session's orchestration and polls for the reply.
/// </summary>
internal sealed partial class FloorEndpoint(
    AlexaSignatureVerifier verifier,
    RiderFactsLoader riderFacts,
    InMemorySessions sessions,
    PhraseBook phrases,
    IOptions<AlexaOptions> options,
    TimeProvider timeProvider,
    ILogger<FloorEndpoint> logger)
{
    private readonly AlexaOptions _options = options.Value;

    public async Task HandleAsync(HttpContext context)
    {
        var result = await AnswerAsync(context.Request, context.RequestAborted);
        context.Response.StatusCode = result.StatusCode;
        context.Response.ContentType = SkillEndpointResult.ContentType;
        context.Response.ContentLength = result.Body.Length;
        await context.Response.Body.WriteAsync(result.Body, context.RequestAborted);
    }

    private async Task<SkillEndpointResult> AnswerAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        var body = await AlexaHttpEndpoint.ReadBodyAsync(http, cancellationToken);
        if (body is null || body.Length == 0 ||
            http.ContentType is { } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Reject("the body is empty, too large or not JSON");
        }

        if (_options.VerifySignatures)
        {
            var signature = await verifier.VerifyAsync(
                body,
                http.Headers[AlexaSignatureVerifier.SignatureCertChainUrlHeader].FirstOrDefault(),
                http.Headers[AlexaSignatureVerifier.Signature256Header].FirstOrDefault(),
                cancellationToken);
            if (!signature.IsValid)
            {
                return Reject(signature.FailureReason ?? "signature check failed");
            }
        }

        if (!AlexaRequestParser.TryParse(body, out var request, out var parseFailure))
        {
            return Reject(parseFailure);
        }

        if ((RequestRules.CheckSkillId(request, _options.SkillId) ??
             RequestRules.CheckTimestamp(request.Request.Timestamp, timeProvider.GetUtcNow())) is { } ruleFailure)
        {
            return Reject(ruleFailure);
        }

        var read = ReadRequest.From(request);
        var table = phrases.For(read.Locale);
        if (read.Turn is not { } turn)
        {
            return SkillEndpointResult.Ok(ReplyRenderer.Render(null, table));
        }

        if (request.SessionId is not { Length: > 0 } sessionId || request.RequestId is not { Length: > 0 } requestId)
        {
            return Reject("the request has no session id or request id");
        }

        var rider = turn is SessionEnded ? RiderFacts.None : await riderFacts.LoadAsync(read, cancellationToken);
        var reply = await sessions.SendAsync(sessionId, new TurnEvent(requestId, turn, rider), cancellationToken);
        return SkillEndpointResult.Ok(ReplyRenderer.Render(turn is SessionEnded ? null : reply, table));
    }

    private SkillEndpointResult Reject(string reason)
    {
        Log.RequestRejected(logger, reason);
        return SkillEndpointResult.BadRequest(reason);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Rejected an Alexa request: {Reason}")]
        public static partial void RequestRejected(ILogger logger, string reason);
    }
}
