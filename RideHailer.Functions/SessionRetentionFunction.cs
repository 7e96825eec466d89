using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RideHailer.Skill.Workflow;

namespace RideHailer.Functions;

/// <summary>Forgets finished sessions once a minute (<see cref="FinishedSessionPurge"/>).</summary>
public sealed class SessionRetentionFunction(FinishedSessionPurge purge)
{
    public const string Name = "PurgeFinishedSessions";

    [Function(Name)]
    public Task PurgeFinishedSessions(
        [TimerTrigger(FinishedSessionPurge.Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        purge.PurgeAsync(client, context?.CancellationToken ?? default);
}
