using RideHailer.Domain.Places;

namespace RideHailer.Domain.Rides;

/// <summary>A priced offer for one ride, valid until <see cref="ExpiresAt"/>.</summary>
/// <param name="Id">Provider's quote id; with the session key it makes the booking's idempotency key.</param>
/// <param name="Pickup">Where the ride starts.</param>
/// <param name="Destination">Where the ride ends.</param>
/// <param name="Price">What the ride costs, in the currency of the market it starts in.</param>
/// <param name="PickupEta">How soon a driver can be at the pickup.</param>
/// <param name="QuotedAt">When the quote was made.</param>
/// <param name="ExpiresAt">After this instant the price no longer holds.</param>
public sealed record Quote(
    string Id,
    Pickup Pickup,
    Place Destination,
    Money Price,
    TimeSpan PickupEta,
    DateTimeOffset QuotedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The kind of car quoted.</summary>
    public RideType RideType { get; init; } = RideType.Standard;

    /// <summary>How long the trip itself takes once the rider is in the car, when the provider says.</summary>
    public TimeSpan? TripTime { get; init; }

    /// <summary>Whether the provider's price still holds at <paramref name="now"/>.</summary>
    public bool IsValidAt(DateTimeOffset now) => now < ExpiresAt;
}
