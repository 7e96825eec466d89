using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Rides.Http;

namespace RideHailer.Skill.RideEvents;

/// <summary>
/// <c>POST /api/rides/events</c>: a ride provider's status change, authenticated by its HMAC alone (it is not an Alexa
/// request). Unsigned, wrongly signed or more than five minutes off the clock: 401, and nothing changes. A body the
/// contract does not describe: 400 with the reason. Otherwise the event goes to <see cref="IRideEventSink"/>: 202 new,
/// 200 repeated, 404 no ride of ours.
/// </summary>
public sealed partial class RideEventWebhook(
    IOptions<RideProviderOptions> options, TimeProvider time, ILogger<RideEventWebhook> logger, IRideEventSink? sink = null)
{
    /// <summary>The largest body read; an event is a few hundred bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private readonly string? _secret = string.IsNullOrEmpty(options.Value.WebhookSecret) ? null : options.Value.WebhookSecret;

    /// <summary>Checks, reads and hands over one posted event.</summary>
    public async Task<RideEventWebhookResult> HandleAsync(
        byte[] body, string? timestamp, string? signature, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (_secret is null)
        {
            Log.Refused(logger, "no RideProvider:WebhookSecret is set");
            return new(401, "invalid_signature");
        }

        if (timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !IsNow(seconds))
        {
            Log.Refused(logger, "the timestamp is missing or more than five minutes off");
            return new(401, "invalid_timestamp");
        }

        if (body.Length > MaxBodyBytes || !RideEventSignature.Matches(_secret, timestamp, body, signature))
        {
            Log.Refused(logger, "the signature is missing or wrong");
            return new(401, "invalid_signature");
        }

        if (Read(body, out var reason) is not { } rideEvent)
        {
            Log.Malformed(logger, reason);
            return new(400, "malformed_body", reason);
        }

        if (sink is null)
        {
            return new(503, "no_ride_lifecycle");
        }

        var receipt = await sink.ReceiveAsync(rideEvent, durable, cancellationToken);
        Log.Received(logger, rideEvent.EventId, receipt);
        return receipt switch
        {
            RideEventReceipt.Accepted => new(202),
            RideEventReceipt.Repeated => new(200),
            _ => new(404, "unknown_ride"),
        };
    }

    private bool IsNow(long seconds)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return Math.Abs(now - seconds) <= (long)RideEventSignature.Tolerance.TotalSeconds;
    }

    /// <summary>The event the body describes, or null with the reason (never the body itself: it names the driver).</summary>
    private static ProviderRideEvent? Read(byte[] body, out string reason)
    {
        WireRideEvent? wire;
        try
        {
            wire = JsonSerializer.Deserialize(body, RideProviderJsonContext.Default.WireRideEvent);
        }
        catch (JsonException malformed)
        {
            reason = malformed.Path is { } path ? $"not a ride event at {path}" : "not a ride event";
            return null;
        }

        reason = wire switch
        {
            null => "the body is null",
            { EventId.Length: 0 } => "eventId is empty",
            { RideId.Length: 0 } => "rideId is empty",
            { Sequence: < 0 } => "sequence is negative",
            { PickupEtaSeconds: < 0 } => "pickupEtaSeconds is negative",
            _ => "",
        };
        return wire is null || reason.Length > 0
            ? null
            : new ProviderRideEvent(
                wire.EventId,
                wire.RideId,
                HttpRideProvider.ProgressOf(wire.RideId, wire.Status, wire.Driver, wire.PickupEtaSeconds, wire.Sequence, wire.OccurredAt));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 80, Level = LogLevel.Warning, Message = "Ride event refused: {Why}")]
        public static partial void Refused(ILogger logger, string why);

        [LoggerMessage(EventId = 81, Level = LogLevel.Warning, Message = "Ride event malformed: {Reason}")]
        public static partial void Malformed(ILogger logger, string reason);

        [LoggerMessage(EventId = 82, Level = LogLevel.Information, Message = "Ride event {EventId}: {Receipt}")]
        public static partial void Received(ILogger logger, string eventId, RideEventReceipt receipt);
    }
}
