using System.Text.Json.Serialization;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain;

/// <summary>
/// Work the caller must do next and feed back as a turn (PlaceFound/PlaceNotFound/PlaceSearchFailed, ActiveRideFound/NoActiveRide/ActiveRideLookupFailed,
/// QuoteReady/QuoteFailed, BookingDone/BookingFailed).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(FindPlace), "findPlace")]
[JsonDerivedType(typeof(FindActiveRide), "findActiveRide")]
[JsonDerivedType(typeof(QuoteRide), "quoteRide")]
[JsonDerivedType(typeof(BookRide), "bookRide")]
public abstract record Command;

/// <summary>Find the place the rider named, near the pickup when it is known.</summary>
public sealed record FindPlace(PlaceQuery Query) : Command
{
    /// <summary>Whether the query is the rider's home address: the best place found is home, never a choice.</summary>
    public bool Home { get; init; }
}

/// <summary>Look up the rider's ride still on its way, if any, before another is quoted.</summary>
/// <param name="RiderId">The linked account's rider id, as bookings record it.</param>
public sealed record FindActiveRide(string RiderId) : Command;

/// <summary>Price a ride with the ride provider.</summary>
public sealed record QuoteRide(Pickup Pickup, Place Destination) : Command
{
    /// <summary>The kind of car to price.</summary>
    public RideType RideType { get; init; } = RideType.Standard;
}

/// <summary>Book the quoted ride exactly once under <paramref name="IdempotencyKey"/>.</summary>
/// <param name="IdempotencyKey">Derived from the session key and the quote id.</param>
/// <param name="Quote">The accepted quote.</param>
/// <param name="Passenger">Rider id, name and mobile number for the booking.</param>
public sealed record BookRide(string IdempotencyKey, Quote Quote, Passenger Passenger) : Command
{
    /// <summary>
    /// The idempotency key for booking <paramref name="quoteId"/> in <paramref name="sessionKey"/>: a fixed-length
    /// hash, so it is safe as a storage key whatever the ids contain, and the same every time it is replayed.
    /// </summary>
    public static string IdempotencyKeyFor(string sessionKey, string quoteId)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        ArgumentNullException.ThrowIfNull(quoteId);
        return StableHash.Hex("bk-", $"{sessionKey.Length}:{sessionKey}|{quoteId}", 32);
    }
}
