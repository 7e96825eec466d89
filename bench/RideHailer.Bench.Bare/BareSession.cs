using Microsoft.DurableTask;

namespace RideHailer.Bench.Bare;

/// <summary>
/// A session that does nothing but answer: publishes each turn's request id as custom status and waits for the
/// next, five turns like the seed conversation, the last one answered by the output.
/// </summary>
internal static class BareSession
{
    public const string Name = "BareSession";
    public const string TurnEventName = "Turn";
    public const int Turns = 5;

    public static async Task<string> RunAsync(TaskOrchestrationContext context, string firstRequestId)
    {
        var requestId = firstRequestId;
        for (var turn = 1; turn < Turns; turn++)
        {
            context.SetCustomStatus(requestId);
            requestId = await context.WaitForExternalEvent<string>(TurnEventName);
        }

        return requestId;
    }
}
