using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// A read the edge ran for a turn before its session decided it (<see cref="Conversation.ReadsAhead"/>), and the turn
/// its answer is to the conversation, as the command's activity would have given it.
/// </summary>
public sealed record ReadAheadResult(Command Command, Turn Result)
{
    /// <summary>What a place search's answer is to the conversation.</summary>
    internal static Turn PlacesFound(IReadOnlyList<Place>? places) => new PlacesFound(places ?? []);

    /// <summary>What the look-up of a ride on its way is to the conversation.</summary>
    internal static Turn ActiveRide(Booking? active) => active is null ? new NoActiveRide() : new ActiveRideFound(active);

    /// <summary>What the look-up of the rider's latest ride is to the conversation.</summary>
    internal static Turn LatestRide(Booking? latest) => latest is null ? new NoLatestRide() : new LatestRideFound(latest);
}
