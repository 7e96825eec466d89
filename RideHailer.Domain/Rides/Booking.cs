using System.Text.Json.Serialization;

namespace RideHailer.Domain.Rides;

/// <summary>A booked ride. Its idempotency key is also its id.</summary>
/// <param name="IdempotencyKey">The key it was booked under.</param>
/// <param name="Quote">The accepted quote (pickup, destination, fare).</param>
/// <param name="Passenger">Who rides.</param>
/// <param name="Dispatch">Driver, car and ETA.</param>
/// <param name="BookedAt">When it was booked.</param>
public sealed record Booking(
    string IdempotencyKey,
    Quote Quote,
    Passenger Passenger,
    Dispatch Dispatch,
    DateTimeOffset BookedAt)
{
    /// <summary>The ride's state as its provider last reported it; null while nothing was reported since the dispatch.</summary>
    public RideProgress? Progress { get; init; }

    /// <summary>When the driver is due at the pickup: the booking's time plus the driver's ETA.</summary>
    [JsonIgnore]
    public DateTimeOffset ArrivesAt => BookedAt + Dispatch.DriverEta;

    /// <summary>Whether the driver is due by <paramref name="now"/>, so the ride no longer counts as on its way.</summary>
    public bool HasArrivedBy(DateTimeOffset now) => now >= ArrivesAt;

    /// <summary>The booking a request describes.</summary>
    public static Booking From(BookingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.IdempotencyKey, request.Quote, request.Passenger, request.Dispatch, request.RequestedAt);
    }
}
