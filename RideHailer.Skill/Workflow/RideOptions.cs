namespace RideHailer.Skill.Workflow;

/// <summary>How long a booked ride's orchestration holds the ride, and how long it is kept once the ride ended.</summary>
public sealed class RideOptions
{
    public const string SectionName = "Ride";

    /// <summary>How long an ended ride's durable state is kept before the purge removes it.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a provider's ride may go without a report before its status is asked of the provider: a missed webhook
    /// costs at most this much of the ride's story (a pickup is minutes away, so ten minutes misses at most one step).
    /// </summary>
    public TimeSpan StatusCheckInterval { get; set; } = DefaultStatusCheckInterval;

    /// <summary>
    /// How long after it started a provider's ride is held at most: a provider that never reports an end does not keep
    /// the ride's durable state for ever (a day is far past any city ride, a pre-booked airport run included).
    /// </summary>
    public TimeSpan MaxLifetime { get; set; } = DefaultMaxLifetime;

    /// <summary>The status check's default: ten minutes of silence.</summary>
    public static TimeSpan DefaultStatusCheckInterval { get; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest hold's default: a day.</summary>
    public static TimeSpan DefaultMaxLifetime { get; } = TimeSpan.FromDays(1);
}
