namespace RideHailer.Bench.Load;

/// <summary>Per-turn latencies of one level, by turn kind; thread-safe to add to.</summary>
internal sealed class LatencySamples
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TurnKind, List<double>> _byKind = Enum.GetValues<TurnKind>().ToDictionary(kind => kind, _ => new List<double>());
    private readonly Dictionary<TurnRole, List<double>> _byRole = Enum.GetValues<TurnRole>().ToDictionary(role => role, _ => new List<double>());

    public void Add(TurnKind kind, double milliseconds, TurnRole role = TurnRole.Owner)
    {
        lock (_gate)
        {
            _byKind[kind].Add(milliseconds);
            _byRole[role].Add(milliseconds);
        }
    }

    private int _tooLong;
    private int _lost;

    /// <summary>Tries answered "that took too long", and tries never answered, that riders repeated.</summary>
    public (int TooLong, int Lost) Repeated => (Volatile.Read(ref _tooLong), Volatile.Read(ref _lost));

    public void AddRepeats(int tooLong, int lost)
    {
        Interlocked.Add(ref _tooLong, tooLong);
        Interlocked.Add(ref _lost, lost);
    }

    public Percentiles Of(TurnRole role)
    {
        lock (_gate)
        {
            return Percentiles.Of(_byRole[role]);
        }
    }

    public int CountOver(double milliseconds)
    {
        lock (_gate)
        {
            return _byKind.Values.Sum(samples => samples.Count(sample => sample > milliseconds));
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
