namespace RideHailer.Skill.RideEvents;

/// <summary>
/// Where verified provider events go: the ride's own orchestration, once per event id. The webhook (the HTTP edge)
/// and the ride lifecycle (the workflow) meet here.
/// </summary>
public interface IRideEventSink
{
    /// <summary>Hands <paramref name="rideEvent"/> to its ride, unless it was seen before or names no ride of ours.</summary>
    Task<RideEventReceipt> ReceiveAsync(ProviderRideEvent rideEvent, CancellationToken cancellationToken);
}
