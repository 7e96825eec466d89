using Microsoft.DurableTask.Client;
using RideHailer.Domain.Replies;
using RideHailer.Skill.Workflow;

namespace RideHailer.Tests.Support;

/// <summary>A session's published replies, read back through the durable client as the router reads them.</summary>
internal static class PublishedReplies
{
    /// <summary>Waits until the session has published its answer to <paramref name="requestId"/>, and returns it.</summary>
    public static async Task<Reply?> WhenAnsweredAsync(DurableTaskClient durable, string instanceId, string requestId)
    {
        Reply? reply = null;
        await Signal.UntilAsync(
            async () => (await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true))?.ReadCustomStatusAs<SessionStatus>() is { } status
                        && status.TryFind(requestId, out reply),
            $"the session answered request {requestId}");
        return reply;
    }
}
