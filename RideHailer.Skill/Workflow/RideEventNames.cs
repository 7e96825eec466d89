namespace RideHailer.Skill.Workflow;

/// <summary>The external events a ride's orchestration waits for.</summary>
public static class RideEventNames
{
    /// <summary>A provider's report (payload: <see cref="Domain.Rides.RideProgress"/>); older sequences change nothing.</summary>
    public const string Progress = "RideProgress";

    /// <summary>The rider cancelled through the skill (payload: <see cref="Domain.Rides.RideCancellation"/>); the ride ends.</summary>
    public const string Canceled = "RideCanceled";
}
