using Microsoft.DurableTask.Client;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// No signal (the Functions host, which runs the durable engine out of process and cannot see its saves): every wait
/// lasts its full time, then the session is read back.
/// </summary>
public sealed class PollingOnly : ISessionSignal, ISessionWatch
{
    /// <summary>Reads at 2 ms, then 4 ms doubling to 50 ms.</summary>
    public static PollSchedule Schedule { get; } = new(
        First: TimeSpan.FromMilliseconds(2), Every: TimeSpan.FromMilliseconds(4), Ceiling: TimeSpan.FromMilliseconds(50));

    public PollSchedule Polls => Schedule;

    public ISessionWatch Watch(string instanceId) => this;

    public async Task<IReadOnlyList<OrchestrationMetadata>> NextChangeAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        await Task.Delay(atMost, cancellationToken);
        return [];
    }

    public void Dispose()
    {
    }
}
