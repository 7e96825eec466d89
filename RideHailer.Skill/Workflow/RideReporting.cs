namespace RideHailer.Skill.Workflow;

/// <summary>How booked rides learn their progress, as the registered ride provider allows.</summary>
/// <param name="OnFleetTimers">
/// True for the built-in fleet, which has no drivers to report: its rides move on durable timers
/// (<see cref="Domain.Rides.FleetSchedule"/>). False for a provider that reports through the webhook.
/// </param>
public sealed record RideReporting(bool OnFleetTimers);
