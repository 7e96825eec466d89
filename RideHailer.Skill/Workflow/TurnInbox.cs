using Microsoft.DurableTask;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// A session's next turn, or null once the session has been quiet for the idle timeout. One durable timer is
/// outstanding at a time and moved on only when it fires: a timer per turn would leave a message behind on
/// every turn, which the engine would later read, and discard, one by one.
/// </summary>
internal sealed class TurnInbox(TaskOrchestrationContext context, TimeSpan idleTimeout) : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private DateTime _lastTurnAt = context.CurrentUtcDateTime;
    private Task? _idle;
    private Task<TurnEvent>? _turn;

    public async Task<TurnEvent?> NextAsync()
    {
        // Only durable tasks are awaited here: anything else would resume outside the orchestrator's scheduler.
        _turn ??= context.WaitForExternalEvent<TurnEvent>(SessionOrchestration.TurnEventName);
        _idle ??= context.CreateTimer(_lastTurnAt + idleTimeout, _cancel.Token);
        while (await Task.WhenAny(_turn, _idle) == _idle)
        {
            var quietUntil = _lastTurnAt + idleTimeout;
            if (context.CurrentUtcDateTime >= quietUntil)
            {
                return null;
            }

            // Turns came since this timer was set: wait out the quiet time from the last of them.
            _idle = context.CreateTimer(quietUntil, _cancel.Token);
        }

        var turn = await _turn;
        _turn = null;
        _lastTurnAt = context.CurrentUtcDateTime;
        return turn;
    }

    /// <summary>Cancels the outstanding timer: a generation that ends (or continues as new) with it still pending
    /// never finished in our tests, and the turns raised after it were lost.</summary>
    public void Dispose()
    {
#pragma warning disable CA1849 // CancelAsync would resume on the thread pool, outside the orchestrator's scheduler.
        _cancel.Cancel();
#pragma warning restore CA1849
        _cancel.Dispose();
    }
}
