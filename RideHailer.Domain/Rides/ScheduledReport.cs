namespace RideHailer.Domain.Rides;

/// <summary>A report the built-in fleet makes about a ride, and when it is due.</summary>
/// <param name="Due">When the ride reaches the state.</param>
/// <param name="Progress">The state, with its sequence number in the ride's schedule.</param>
public sealed record ScheduledReport(DateTimeOffset Due, RideProgress Progress);
