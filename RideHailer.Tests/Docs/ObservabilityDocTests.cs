using System.Reflection;
using RideHailer.Skill.Telemetry;
using RideHailer.Tests.Support.Infra;

namespace RideHailer.Tests.Docs;

/// <summary>docs/observability.md is what an operator builds dashboards from: every instrument the skill records has its row there.</summary>
public sealed class ObservabilityDocTests
{
    [Fact]
    public void EveryInstrument_HasARowInTheMetricsTable()
    {
        var page = File.ReadAllLines(RepositoryDirectory.PathOf("docs", "observability.md"));
        var instruments = typeof(RideHailerMetrics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name.EndsWith("Name", StringComparison.Ordinal) && field.Name != nameof(RideHailerMetrics.MeterName))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(instruments);
        Assert.All(instruments, name => Assert.Contains(page, line => line.StartsWith($"| `{name}` |", StringComparison.Ordinal)));
    }
}
