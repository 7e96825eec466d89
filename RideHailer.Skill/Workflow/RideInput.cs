using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// What a ride's orchestration starts (or continues) with. It holds no rider's name or number: the bookings table
/// keeps those; the orchestration needs only the booking's key and how the ride moves.
/// </summary>
/// <param name="BookingKey">The booking's idempotency key: where progress is recorded.</param>
/// <param name="Schedule">The built-in fleet's timed reports (<see cref="FleetSchedule"/>); null when the provider reports by itself.</param>
/// <param name="Current">The ride's state so far (null before the first report), carried over a continue-as-new.</param>
/// <param name="Retention">How long the ended ride's durable state is kept (<see cref="RideOptions.Retention"/>).</param>
/// <param name="History">The states so far, carried over a continue-as-new; null at the start (then it is <paramref name="Current"/>'s).</param>
public sealed record RideInput(
    string BookingKey, IReadOnlyList<ScheduledReport>? Schedule, RideProgress? Current, TimeSpan Retention, RideHistory? History = null)
{
    /// <summary>How long a provider's ride may be silent before its status is asked (<see cref="RideOptions.StatusCheckInterval"/>).</summary>
    public TimeSpan StatusCheckInterval { get; init; } = RideOptions.DefaultStatusCheckInterval;

    /// <summary>How long a provider's ride is held at most (<see cref="RideOptions.MaxLifetime"/>), from its orchestration's start.</summary>
    public TimeSpan MaxLifetime { get; init; } = RideOptions.DefaultMaxLifetime;

    /// <summary>
    /// When the orchestration lets a ride that never ended go: set by its first generation from
    /// <see cref="MaxLifetime"/>, carried over a continue-as-new so the bound is the ride's, not a generation's.
    /// </summary>
    public DateTime? HoldUntil { get; init; }

    /// <summary>
    /// Whether this generation follows a continue-as-new. Reports raised while the engine continues an orchestration as
    /// new can be lost even with preserveUnprocessedEvents (microsoft/durabletask-dotnet#387), so such a generation asks
    /// the provider for the ride's status first: the provider's answer is the sum of every report, lost ones included.
    /// </summary>
    public bool Continued { get; init; }
}
