using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using RideHailer.Skill.Alexa.Verification;

namespace RideHailer.Skill;

/// <summary>Runs <see cref="SkillEndpoint"/> on an ASP.NET Core request: the Functions trigger and the DevHost share it.</summary>
public static class AlexaHttpEndpoint
{
    public const string Route = "api/alexa";

    public static async Task HandleAsync(this SkillEndpoint endpoint, HttpContext context, DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(context);

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        var headers = new AlexaRequestHeaders(
            context.Request.Headers[AlexaSignatureVerifier.SignatureCertChainUrlHeader].FirstOrDefault(),
            context.Request.Headers[AlexaSignatureVerifier.Signature256Header].FirstOrDefault(),
            context.Request.ContentType);

        var result = body is null
            ? endpoint.RejectOversizedBody()
            : await endpoint.HandleAsync(body, headers, durable, context.RequestAborted);

        context.Response.StatusCode = result.StatusCode;
        context.Response.ContentType = SkillEndpointResult.ContentType;
        context.Response.ContentLength = result.Body.Length;
        await context.Response.Body.WriteAsync(result.Body, context.RequestAborted);
    }

    /// <summary>
    /// The raw body, or null when it is over <see cref="SkillEndpoint.MaxBodyBytes"/>: reads at most one chunk
    /// past the limit, so an oversized body is detected without buffering it.
    /// </summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > SkillEndpoint.MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > SkillEndpoint.MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
