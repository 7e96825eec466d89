namespace RideHailer.Bench.Load;

/// <summary>Per-turn latencies of one level, by turn kind; thread-safe to add to.</summary>
internal sealed class LatencySamples
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TurnKind, List<double>> _byKind = Enum.GetValues<TurnKind>().ToDictionary(kind => kind, _ => new List<double>());

    public void Add(TurnKind kind, double milliseconds)
    {
        lock (_gate)
        {
            _byKind[kind].Add(milliseconds);
        }
    }

    public Percentiles All()
    {
        lock (_gate)
        {
            return Percentiles.Of(_byKind.Values.SelectMany(samples => samples));
        }
    }

    public Percentiles Of(TurnKind kind)
    {
        lock (_gate)
        {
            return Percentiles.Of(_byKind[kind]);
        }
    }
}

/// <summary>Nearest-rank percentiles in milliseconds.</summary>
internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1]);
    }
}
