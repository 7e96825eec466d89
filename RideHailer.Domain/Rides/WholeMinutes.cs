namespace RideHailer.Domain.Rides;

/// <summary>How the skill counts waiting time: whole minutes, rounded up, never fewer than one.</summary>
public static class WholeMinutes
{
    /// <summary>10 s → 1, 4 min 10 s → 5, 0 → 1.</summary>
    public static int Of(TimeSpan duration) => (int)Math.Max(1, Math.Ceiling(duration.TotalMinutes));

    /// <summary><paramref name="duration"/> rounded the same way, as a duration.</summary>
    public static TimeSpan Round(TimeSpan duration) => TimeSpan.FromMinutes(Of(duration));
}
