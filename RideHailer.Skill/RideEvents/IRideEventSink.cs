using Microsoft.DurableTask.Client;

namespace RideHailer.Skill.RideEvents;

/// <summary>
/// Where verified provider events go: the ride's own orchestration, once per event id. The webhook (the HTTP edge)
/// and the ride lifecycle (the workflow) meet here.
/// </summary>
public interface IRideEventSink
{
    /// <summary>
    /// Hands <paramref name="rideEvent"/> to its ride through <paramref name="durable"/> (the host's client: the
    /// Functions trigger's [DurableClient], the DevHost's registered one), unless it was seen before or names no ride of ours.
    /// </summary>
    Task<RideEventReceipt> ReceiveAsync(ProviderRideEvent rideEvent, DurableTaskClient durable, CancellationToken cancellationToken);
}
