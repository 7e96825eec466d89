using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RideHailer.Skill.RideEvents;

namespace RideHailer.Functions;

/// <summary>The ride provider's webhook. Anonymous: the event's HMAC signature is the authentication (not Alexa's).</summary>
public sealed class RideEventsFunction(RideEventWebhook webhook)
{
    [Function("RideEvents")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "rides/events")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        await webhook.HandleAsync(request.HttpContext, durable);
        return new EmptyResult();
    }
}
