using RideHailer.Domain;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Looks up the rider's ride still on its way, so a second one is never booked without asking. Its input carries
/// the orchestration's clock, so "still on its way" means the same on a replay.
/// </summary>
public sealed class FindActiveRideActivity(IBookingStore store)
{
    public const string Name = "FindActiveRide";

    /// <summary>The rider's latest booking whose driver is still due, or null.</summary>
    public Task<Booking?> RunAsync(FindActiveRideInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return store.FindActiveAsync(input.Command.RiderId, input.Now, cancellationToken);
    }
}

public sealed record FindActiveRideInput(FindActiveRide Command, DateTimeOffset Now);
