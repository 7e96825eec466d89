using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Telemetry;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// How many turns wait for a place is its own setting: a burst may wait many times the turns let in at once. What is
/// let in and what waits is reported as the admission's two metrics.
/// </summary>
public sealed class TurnAdmissionTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public async Task TurnsPastTheWaitingPlaces_AreShedAtOnce_TheWaitingOnesGetInAsPlacesFreeUp()
    {
        using var admission = Admission(places: 1, waiting: 2);

        var first = await admission.EnterAsync(Patience, default);
        var second = admission.EnterAsync(Patience, default).AsTask();
        var third = admission.EnterAsync(Patience, default).AsTask();
        await Signal.UntilAsync(() => admission.Waiting == 2, "two turns wait for the one place");
        var fourth = await admission.EnterAsync(Patience, default);

        Assert.NotNull(first);
        Assert.Null(fourth);
        Assert.False(second.IsCompleted);
        first.Dispose();
        using var secondIn = await second.WaitAsync(Patience);
        Assert.NotNull(secondIn);
        Assert.False(third.IsCompleted);
        secondIn.Dispose();
        using var thirdIn = await third.WaitAsync(Patience);
        Assert.NotNull(thirdIn);
    }

    [Fact]
    public async Task TurnsLetInAndWaiting_AreReportedAsTheAdmissionsMetrics()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        using var active = new MetricCollector<long>(meters, RideHailerMetrics.MeterName, RideHailerMetrics.ActiveTurnsName);
        using var queued = new MetricCollector<long>(meters, RideHailerMetrics.MeterName, RideHailerMetrics.QueuedTurnsName);
        using var admission = Admission(places: 2, waiting: 4);

        using var first = await admission.EnterAsync(Patience, default);
        using var second = await admission.EnterAsync(Patience, default);
        var third = admission.EnterAsync(Patience, default).AsTask();
        await Signal.UntilAsync(() => admission.Waiting == 1, "the third turn waits");
        active.RecordObservableInstruments();
        queued.RecordObservableInstruments();

        Assert.Equal(2, active.LastMeasurement?.Value);
        Assert.Equal(1, queued.LastMeasurement?.Value);
        first!.Dispose();
        using var thirdIn = await third.WaitAsync(Patience);
        active.RecordObservableInstruments();
        queued.RecordObservableInstruments();
        Assert.Equal(2, active.LastMeasurement?.Value);
        Assert.Equal(0, queued.LastMeasurement?.Value);
    }

    public void Dispose() => _services.Dispose();

    private TurnAdmission Admission(int places, int waiting) => new(
        Options.Create(new SessionOptions { MaxConcurrentTurns = places, MaxWaitingTurns = waiting }),
        new RideHailerMetrics(_services.GetRequiredService<IMeterFactory>()));
}
