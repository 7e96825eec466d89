using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RideHailer.Skill.Workflow;

namespace RideHailer.Bench.Bare;

/// <summary>
/// Delivers a turn and waits for its answer the way <see cref="SessionRouter"/> does (read, start or raise, then
/// the session signal with reads as the safety net, within the same 6 s budget), minus the conversation.
/// </summary>
internal static class BareEndpoint
{
    private static readonly TimeSpan Budget = new RideHailer.Skill.Workflow.SessionOptions().ReplyTimeout;

    public static async Task<IResult> HandleAsync(HttpContext http, DurableTaskClient client, ISessionSignal signal)
    {
        using var json = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var sessionId = json.RootElement.GetProperty("session").GetProperty("sessionId").GetString()!;
        var requestId = json.RootElement.GetProperty("request").GetProperty("requestId").GetString()!;
        var instanceId = SessionInstanceId.For(sessionId);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        budget.CancelAfter(Budget);
        using var watch = signal.Watch(instanceId);
        try
        {
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, budget.Token);
            if (instance is null)
            {
                await client.ScheduleNewOrchestrationInstanceAsync(
                    BareSession.Name, requestId, new StartOrchestrationOptions(InstanceId: instanceId), budget.Token);
            }
            else
            {
                await client.RaiseEventAsync(instanceId, BareSession.TurnEventName, requestId, budget.Token);
            }

            var answered = await AnsweredAsync(client, watch, instanceId, requestId, budget.Token);
            return Results.Text(Answer("ok", answered.Ended), "application/json");
        }
        catch (Exception) when (budget.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            return Results.Text(Answer("Sorry, that took too long. Please try again.", ended: false), "application/json");
        }
    }

    /// <summary>Waits as SessionRouter does: on the watch's saves, reading the session back when it sees none in time.</summary>
    private static async Task<Answered> AnsweredAsync(
        DurableTaskClient client, ISessionWatch watch, string instanceId, string requestId, CancellationToken cancellationToken)
    {
        for (var reads = 0; ;)
        {
            var saves = await watch.NextChangeAsync(watch.Polls.After(reads), cancellationToken);
            if (saves.Count == 0)
            {
                reads++;
                var read = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
                saves = read is null ? [] : [read];
            }

            if (saves.Select(saved => AnswerFor(saved, requestId)).FirstOrDefault(answered => answered is not null) is { } answer)
            {
                return answer;
            }
        }
    }

    /// <summary>What the session showed once it answered a request: whether that answer ended it.</summary>
    private sealed record Answered(bool Ended);

    private static Answered? AnswerFor(OrchestrationMetadata saved, string requestId) =>
        saved.RuntimeStatus == OrchestrationRuntimeStatus.Completed && saved.ReadOutputAs<string>() == requestId ? new Answered(Ended: true)
        : saved.SerializedCustomStatus is not null && saved.ReadCustomStatusAs<string>() == requestId ? new Answered(Ended: false)
        : null;

    private static string Answer(string speech, bool ended) => JsonSerializer.Serialize(new
    {
        version = "1.0",
        response = new { outputSpeech = new { type = "PlainText", text = speech }, shouldEndSession = ended },
    });
}
