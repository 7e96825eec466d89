using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RideHailer.Domain.Rides;
using RideHailer.Skill.RideEvents;
using RideHailer.Skill.Storage;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Hands a provider's verified event to its ride's orchestration, once per event id. The event is raised before its
/// receipt is written: a failure between the two lets the provider's retry raise it again, which the ride ignores
/// (<see cref="RideTimeline"/>: a repeated sequence changes nothing), where the other order could lose it.
/// </summary>
public sealed partial class RideEventSink(IBookingStore bookings, IRideEventReceipts receipts, ILogger<RideEventSink> logger)
    : IRideEventSink
{
    public async Task<RideEventReceipt> ReceiveAsync(ProviderRideEvent rideEvent, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rideEvent);
        ArgumentNullException.ThrowIfNull(durable);
        var booking = await bookings.FindByRideIdAsync(rideEvent.RideId, cancellationToken);
        if (booking is null)
        {
            Log.UnknownRide(logger, rideEvent.EventId);
            return RideEventReceipt.UnknownRide;
        }

        if (await receipts.HasAsync(rideEvent.RideId, rideEvent.EventId, cancellationToken))
        {
            Log.Repeated(logger, rideEvent.EventId);
            return RideEventReceipt.Repeated;
        }

        var instanceId = RideInstanceId.For(booking.IdempotencyKey);
        // An event that comes while the engine still holds the ride's start back would be discarded: it waits for the start.
        await InstanceReads.WhenStartedAsync(durable, instanceId, cancellationToken);
        await durable.RaiseEventAsync(instanceId, RideEventNames.Progress, rideEvent.Progress, cancellationToken);
        await receipts.AddAsync(rideEvent.RideId, rideEvent.EventId, booking.Passenger.RiderId, cancellationToken);
        Log.Accepted(logger, rideEvent.EventId, instanceId, rideEvent.Progress.Status, rideEvent.Progress.Sequence);
        return RideEventReceipt.Accepted;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 152, Level = LogLevel.Information, Message = "Ride event {EventId} raised on {InstanceId}: {Status} (sequence {Sequence})")]
        public static partial void Accepted(ILogger logger, string eventId, string instanceId, RideStatus status, long sequence);

        [LoggerMessage(EventId = 153, Level = LogLevel.Information, Message = "Ride event {EventId} was handed on before; nothing changed")]
        public static partial void Repeated(ILogger logger, string eventId);

        [LoggerMessage(EventId = 154, Level = LogLevel.Warning, Message = "Ride event {EventId} names no ride of ours")]
        public static partial void UnknownRide(ILogger logger, string eventId);
    }
}
