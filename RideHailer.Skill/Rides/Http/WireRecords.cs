using System.Text.Json.Serialization;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Rides.Http;

// The ride-provider contract's JSON bodies (docs/ride-provider-api.md), as both sides of it read and write them: the
// skill's HTTP adapter and webhook, and the DevHost's sample provider. Field names are the contract's (camelCase).

/// <summary>A point: the pickup (no name) or the destination (with the name the rider heard).</summary>
public sealed record WirePoint(double Latitude, double Longitude, string? Name = null);

/// <summary>An amount in the currency's major unit, and its ISO 4217 code.</summary>
public sealed record WireMoney(decimal Amount, string Currency);

/// <summary><c>POST /v1/quotes</c>'s body.</summary>
public sealed record WireQuoteRequest(WirePoint Pickup, WirePoint Destination, RideType RideType);

/// <summary><c>POST /v1/quotes</c>'s answer (200).</summary>
public sealed record WireQuote(string QuoteId, WireMoney Price, int PickupEtaSeconds, DateTimeOffset ExpiresAt, int? TripSeconds = null);

/// <summary>Who rides, for the driver.</summary>
public sealed record WireRider(string? Name, string? Phone);

/// <summary><c>POST /v1/rides</c>'s body (its <c>Idempotency-Key</c> header is the booking's key).</summary>
public sealed record WireRideRequest(string QuoteId, WireRider Rider);

/// <summary>The driver and car a provider sent.</summary>
public sealed record WireDriver(string Name, string Car, string Plate);

/// <summary>A ride: <c>POST /v1/rides</c>'s answer (201, or 200 for a repeated key) and <c>GET /v1/rides/{rideId}</c>'s.</summary>
public sealed record WireRide(
    string RideId,
    RideStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] WireDriver? Driver = null,
    int? PickupEtaSeconds = null,
    long? Sequence = null);

/// <summary><c>POST /v1/rides/{rideId}/cancel</c>'s body: the fee the rider heard and accepted, or none (<c>{}</c>).</summary>
public sealed record WireCancelRequest(WireMoney? ConfirmFee = null);

/// <summary><c>POST /v1/rides/{rideId}/cancel</c>'s answer (200).</summary>
public sealed record WireCancellation(RideStatus Status, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] WireMoney? Fee);

/// <summary><c>GET /v1/rides/{rideId}/cancel-fee</c>'s answer (200): what cancelling would cost now, or null.</summary>
public sealed record WireCancelFee([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] WireMoney? Fee);

/// <summary>An error answer's body, e.g. <c>{"error":"quote_expired"}</c> with 409; the webhook adds a reason to its 400.</summary>
public sealed record WireError(string Error, string? Reason = null);

/// <summary>
/// A status change the provider posts to the skill's <c>POST /api/rides/events</c>, signed. Every member is required,
/// the nullable ones as <c>null</c>: written out, so an event without an ETA still reads back (the web console writes them).
/// </summary>
public sealed record WireRideEvent(
    string EventId,
    string RideId,
    RideStatus Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? PickupEtaSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] WireDriver? Driver,
    long Sequence,
    DateTimeOffset OccurredAt);
