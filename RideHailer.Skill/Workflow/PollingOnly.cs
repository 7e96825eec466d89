using Microsoft.DurableTask.Client;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// No signal (the Functions host, which runs the durable engine out of process and cannot see its saves): every wait
/// lasts its full time, then the session is read back.
/// </summary>
public sealed class PollingOnly : ISessionSignal, ISessionWatch
{
    /// <summary>
    /// A reply needs a control-queue dequeue, a history read and two writes: one rider's turn on Azurite takes 10–28 ms
    /// by kind, eight riders' 38–90 ms (BENCHMARKS.md), and on Azure Storage each of those calls takes longer. So the
    /// first read is at 20 ms, then 10 ms doubling to 50 ms: a read lands at 20, 30, 50, 90, 140 ms…
    /// Until issue 18 reads began at 2 ms (2, 6, 14, 30, 62 ms…), and the first three could not find a reply.
    /// </summary>
    public static PollSchedule Schedule { get; } = new(
        First: TimeSpan.FromMilliseconds(20), Every: TimeSpan.FromMilliseconds(10), Ceiling: TimeSpan.FromMilliseconds(50));

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
