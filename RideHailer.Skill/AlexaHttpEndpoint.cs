using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using RideHailer.Skill.Alexa.Verify;

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

        var result = await endpoint.HandleAsync(body, headers, durable, context.RequestAborted);

        context.Response.StatusCode = result.StatusCode;
        context.Response.ContentType = SkillEndpointResult.ContentType;
        context.Response.ContentLength = result.Body.Length;
        await context.Response.Body.WriteAsync(result.Body, context.RequestAborted);
    }

    /// <summary>
    /// The raw body, read to at most one byte past <see cref="AlexaRequestVerifier.MaxBodyBytes"/>: a longer body is
    /// cut there without the rest being buffered, and verification refuses it as oversized.
    /// </summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        const int limit = AlexaRequestVerifier.MaxBodyBytes + 1;
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)Math.Min(length, limit) : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < limit &&
               (read = await request.Body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
