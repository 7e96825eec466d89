using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RideHailer.Domain.Rides;
using RideHailer.Skill.RideEvents;
using RideHailer.Skill.Rides.Http;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// Plays the ride provider for the console: builds the event a provider would post for the rider's ride (the next
/// sequence number, a fresh event id, the booking's driver), signs it with the skill's own
/// <see cref="RideEventSignature"/> keyed with <c>RideProvider:WebhookSecret</c>, and posts it over HTTP to the skill's
/// webhook, as any provider does. It remembers the last event pushed per ride, so the next one's sequence follows it
/// even before the ride has recorded it, and it can be sent again. The secret goes into the signature and nowhere
/// else: not into an answer, not into a log.
/// </summary>
internal sealed class ConsoleProviderPlayer
{
    /// <summary>What a tampered event's <c>"tamper"</c> names: a wrong signature, or a ride no booking has.</summary>
    public const string TamperSignature = "signature";
    public const string TamperRide = "ride";

    /// <summary>The states after the dispatch that the panel has a button for.</summary>
    public static IReadOnlyList<RideStatus> Pushable { get; } =
        [RideStatus.Arriving, RideStatus.InProgress, RideStatus.Completed, RideStatus.DriverCanceled, RideStatus.NoDriversAvailable];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Planned> _pushed = new(StringComparer.Ordinal);

    /// <summary>The contract's name of <paramref name="status"/> (<c>in_progress</c>).</summary>
    public static string WireName(RideStatus status) => JsonSerializer.Serialize(status, RideProviderJsonContext.Default.RideStatus).Trim('"');

    /// <summary>Whether an event was pushed for <paramref name="rideId"/> from this console (one to send again).</summary>
    public bool HasPushed(string rideId)
    {
        lock (_lock)
        {
            return _pushed.ContainsKey(rideId);
        }
    }

    /// <summary>The sequence the next event for <paramref name="rideId"/> carries: after the ride's <paramref name="known"/> and after the last pushed.</summary>
    public long NextSequence(string rideId, long known)
    {
        lock (_lock)
        {
            return Next(rideId, known);
        }
    }

    /// <summary>
    /// Posts the event <paramref name="request"/> asks for about <paramref name="ride"/> to <paramref name="webhook"/>;
    /// null when it asks to send the last event again and none was pushed for the ride. A new, untampered event is
    /// the ride's last from then on, whatever the webhook answers (a provider retries the event it sent, not another).
    /// </summary>
    public async Task<RidePushView?> PushAsync(
        HttpClient http, Uri webhook, string secret, Booking ride, long known, RidePushRequest request, RideStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(ride);
        ArgumentNullException.ThrowIfNull(request);
        if (Plan(ride, known, request, status, now) is not { } planned)
        {
            return null;
        }

        var timestamp = now.ToUnixTimeSeconds();
        // A wrong key is a random one: the webhook must refuse the event as it would a forged one.
        var key = planned.WrongKey ? RandomNumberGenerator.GetHexString(32, lowercase: true) : secret;
        var signature = RideEventSignature.Sign(key, timestamp, planned.Body);
        var timestampText = timestamp.ToString(CultureInfo.InvariantCulture);
        using var message = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(planned.Body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Add(RideProviderContract.TimestampHeader, timestampText);
        message.Headers.Add(RideProviderContract.SignatureHeader, signature);
        using var response = await http.SendAsync(message, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        var code = (int)response.StatusCode;
        return new RidePushView(
            code,
            Meaning(code),
            ErrorWord(answer),
            planned.Event.EventId,
            planned.Event.RideId,
            planned.Event.Status,
            planned.Event.Sequence,
            webhook.ToString(),
            timestampText,
            signature,
            Encoding.UTF8.GetString(planned.Body));
    }

    /// <summary>The event to send: a new one (from now on the ride's last, unless tampered), or the ride's last again.</summary>
    private Planned? Plan(Booking ride, long known, RidePushRequest request, RideStatus status, DateTimeOffset now)
    {
        var rideId = ride.Dispatch.RideId ?? throw new ArgumentException("The ride has no provider ride id.", nameof(ride));
        lock (_lock)
        {
            if (request.Again)
            {
                return _pushed.GetValueOrDefault(rideId);
            }

            var wire = new WireRideEvent(
                "console-" + Guid.NewGuid().ToString("N"),
                request.Tamper == TamperRide ? "console-unknown-" + Guid.NewGuid().ToString("N")[..12] : rideId,
                status,
                PickupEtaSeconds(ride, status, now),
                DriverOf(ride, status),
                Next(rideId, known),
                now);
            var planned = new Planned(wire, JsonSerializer.SerializeToUtf8Bytes(wire, RideProviderJsonContext.Default.WireRideEvent), request.Tamper == TamperSignature);
            if (request.Tamper is null)
            {
                _pushed[rideId] = planned;
            }

            return planned;
        }
    }

    private long Next(string rideId, long known)
    {
        var last = Math.Max(known, _pushed.TryGetValue(rideId, out var pushed) ? pushed.Event.Sequence : 0);
        return last == long.MaxValue ? last : last + 1;
    }

    /// <summary>Arriving: the driver is at most a minute away (as the built-in fleet reports it), less when due sooner.</summary>
    private static int? PickupEtaSeconds(Booking ride, RideStatus status, DateTimeOffset now) => status == RideStatus.Arriving
        ? (int)Math.Clamp(Math.Ceiling((ride.ArrivesAt - now).TotalSeconds), 0, FleetSchedule.ArrivingLead.TotalSeconds)
        : null;

    /// <summary>The driver the provider last named (else the dispatch's); none when no driver was found.</summary>
    private static WireDriver? DriverOf(Booking ride, RideStatus status)
    {
        if (status == RideStatus.NoDriversAvailable)
        {
            return null;
        }

        var driver = ride.Progress?.Driver is { DriverName.Length: > 0 } reported ? reported : ride.Dispatch;
        return new WireDriver(driver.DriverName, driver.Car, driver.LicensePlate);
    }

    private static string Meaning(int status) => status switch
    {
        202 => "accepted: a new event, raised on the ride's orchestration",
        200 => "a repeated eventId: the webhook had it already, nothing changed",
        400 => "malformed: signed, but not a ride event",
        401 => "refused: the signature or the timestamp does not check out, nothing changed",
        404 => "unknown ride: no booking of the skill has this rideId",
        503 => "the skill has no ride lifecycle to hand it to",
        _ => "not an answer of the contract",
    };

    /// <summary>The <c>{"error":"…"}</c> of the webhook's answer, if it has one.</summary>
    private static string? ErrorWord(string answer)
    {
        try
        {
            return string.IsNullOrWhiteSpace(answer) ? null : JsonNode.Parse(answer)?["error"]?.GetValue<string>();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private sealed record Planned(WireRideEvent Event, byte[] Body, bool WrongKey);
}
