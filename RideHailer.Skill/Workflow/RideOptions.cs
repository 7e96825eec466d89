namespace RideHailer.Skill.Workflow;

/// <summary>How long a booked ride's orchestration is kept once the ride ended.</summary>
public sealed class RideOptions
{
    public const string SectionName = "Ride";

    /// <summary>How long an ended ride's durable state is kept before the purge removes it.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);
}
