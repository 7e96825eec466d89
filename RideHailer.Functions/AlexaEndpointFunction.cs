using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RideHailer.Skill;

namespace RideHailer.Functions;

/// <summary>The Alexa endpoint. Anonymous: Alexa's request signature is the authentication.</summary>
public sealed class AlexaEndpointFunction(SkillEndpoint endpoint)
{
    [Function("Alexa")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "alexa")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        await endpoint.HandleAsync(request.HttpContext, durable);
        return new EmptyResult();
    }
}
