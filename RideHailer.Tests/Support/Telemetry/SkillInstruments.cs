using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Tests.Support.Telemetry;

/// <summary>
/// Collects every RideHailer instrument of one host. Collectors are bound to the host's own IMeterFactory, so
/// tests running side by side never see each other's measurements.
/// </summary>
internal sealed class SkillInstruments : IDisposable
{
    public SkillInstruments(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        TurnDuration = new(meters, RideHailerMetrics.MeterName, RideHailerMetrics.TurnDurationName);
        ConsentResults = new(meters, RideHailerMetrics.MeterName, RideHailerMetrics.ConsentResultsName);
        PinResults = new(meters, RideHailerMetrics.MeterName, RideHailerMetrics.PinResultsName);
        Bookings = new(meters, RideHailerMetrics.MeterName, RideHailerMetrics.BookingsName);
        RejectedRequests = new(meters, RideHailerMetrics.MeterName, RideHailerMetrics.RejectedRequestsName);
        AlexaErrors = new(meters, RideHailerMetrics.MeterName, RideHailerMetrics.AlexaErrorsName);
    }

    public MetricCollector<double> TurnDuration { get; }

    public MetricCollector<long> ConsentResults { get; }

    public MetricCollector<long> PinResults { get; }

    public MetricCollector<long> Bookings { get; }

    public MetricCollector<long> RejectedRequests { get; }

    public MetricCollector<long> AlexaErrors { get; }

    /// <summary>Every tag value any instrument has recorded so far.</summary>
    public IEnumerable<string?> TagValues() =>
        TurnDuration.GetMeasurementSnapshot().SelectMany(measurement => measurement.Tags.Values)
            .Concat(new[] { ConsentResults, PinResults, Bookings, RejectedRequests, AlexaErrors }
                .SelectMany(collector => collector.GetMeasurementSnapshot())
                .SelectMany(measurement => measurement.Tags.Values))
            .Select(value => value?.ToString());

    /// <summary>Total of a counter's measurements.</summary>
    public static long Total(MetricCollector<long> counter) => counter.GetMeasurementSnapshot().Sum(measurement => measurement.Value);

    public void Dispose()
    {
        TurnDuration.Dispose();
        ConsentResults.Dispose();
        PinResults.Dispose();
        Bookings.Dispose();
        RejectedRequests.Dispose();
        AlexaErrors.Dispose();
    }
}
