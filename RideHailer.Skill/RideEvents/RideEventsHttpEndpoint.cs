using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using RideHailer.Skill.Rides.Http;

namespace RideHailer.Skill.RideEvents;

/// <summary>Runs <see cref="RideEventWebhook"/> on an ASP.NET Core request: the Functions trigger and the DevHost route share it.</summary>
public static class RideEventsHttpEndpoint
{
    /// <summary>The route as the DevHost maps it (the Functions host adds the <c>api/</c> prefix itself).</summary>
    public const string Route = "api/rides/events";

    public static async Task HandleAsync(this RideEventWebhook webhook, HttpContext context, DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(context);
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        var result = await webhook.HandleAsync(
            body,
            context.Request.Headers[RideProviderContract.TimestampHeader].FirstOrDefault(),
            context.Request.Headers[RideProviderContract.SignatureHeader].FirstOrDefault(),
            durable,
            context.RequestAborted);
        context.Response.StatusCode = result.StatusCode;
        if (result.Error is { } error)
        {
            await context.Response.WriteAsJsonAsync(new WireError(error, result.Reason), RideProviderJsonContext.Default.WireError, cancellationToken: context.RequestAborted);
        }
    }

    /// <summary>The raw body, cut a byte past <see cref="RideEventWebhook.MaxBodyBytes"/> (its signature then fails).</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const int limit = RideEventWebhook.MaxBodyBytes + 1;
        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while (buffer.Length < limit
               && (read = await request.Body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
