using RideHailer.Domain.Rides;

namespace RideHailer.Skill.RideEvents;

/// <summary>A status change a ride provider posted to the webhook, its signature checked and its body read.</summary>
/// <param name="EventId">The provider's id for this event: the same id posted twice is one event.</param>
/// <param name="RideId">The provider's id for the ride (as returned when it was dispatched).</param>
/// <param name="Progress">The ride's state as of the event, with the provider's sequence number.</param>
public sealed record ProviderRideEvent(string EventId, string RideId, RideProgress Progress);
