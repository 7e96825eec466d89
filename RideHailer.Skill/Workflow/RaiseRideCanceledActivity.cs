using Microsoft.DurableTask.Client;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Tells the ride's orchestration the rider cancelled (<see cref="RideEventNames.Canceled"/>), so it ends; a ride
/// whose orchestration has ended or was purged has nothing to tell. The client comes with the call: the DevHost's
/// worker and the Functions [DurableClient] binding each supply theirs.
/// </summary>
public static class RaiseRideCanceledActivity
{
    public const string Name = "RaiseRideCanceled";

    /// <summary>Whether the event was raised (false: no running ride orchestration).</summary>
    public static async Task<bool> RunAsync(RaiseRideCanceledInput input, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(durable);
        var instanceId = RideInstanceId.For(input.BookingKey);
        var ride = await InstanceReads.WhenStartedAsync(durable, instanceId, cancellationToken);
        if (ride is null || ride.IsCompleted)
        {
            return false;
        }

        await durable.RaiseEventAsync(instanceId, RideEventNames.Canceled, input.Cancellation, cancellationToken);
        return true;
    }
}

public sealed record RaiseRideCanceledInput(string BookingKey, Domain.Rides.RideCancellation Cancellation);
