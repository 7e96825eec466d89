using System.Text.Json.Serialization;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain.Replies;

/// <summary>A card for the Alexa app.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(RideBookedCard), "rideBooked")]
[JsonDerivedType(typeof(AccountLinkingCard), "linkAccount")]
[JsonDerivedType(typeof(PermissionsCard), "permissions")]
public abstract record AppCard;

/// <summary>The booked ride: driver, car, pickup, destination, price and when the driver arrives.</summary>
public sealed record RideBookedCard(Dispatch Dispatch, Pickup Pickup, Place Destination, Money Price, int DriverMinutes) : AppCard
{
    /// <summary>The card of <paramref name="booking"/>.</summary>
    public static RideBookedCard Of(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return new(booking.Dispatch, booking.Quote.Pickup, booking.Quote.Destination, booking.Quote.Price, WholeMinutes.Of(booking.Dispatch.DriverEta));
    }
}

/// <summary>Asks the rider to link their Ride Hailer account (Alexa's LinkAccount card).</summary>
public sealed record AccountLinkingCard : AppCard;

/// <summary>The AskForPermissionsConsent card for these scopes.</summary>
public sealed record PermissionsCard(IReadOnlyList<RiderScope> Scopes) : AppCard
{
    /// <inheritdoc/>
    public bool Equals(PermissionsCard? other) => other is not null && Scopes.SequenceEqual(other.Scopes);

    /// <inheritdoc/>
    public override int GetHashCode() => Scopes.Count;
}
