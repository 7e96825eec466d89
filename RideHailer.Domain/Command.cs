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
[JsonDerivedType(typeof(FindLatestRide), "findLatestRide")]
[JsonDerivedType(typeof(PriceCancellation), "priceCancellation")]
[JsonDerivedType(typeof(CancelRide), "cancelRide")]
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

/// <summary>
/// Look up the rider's most recent ride, whatever its state (LatestRideFound/NoLatestRide/LatestRideLookupFailed); a
/// status older than <see cref="RideFreshness.MaxAge"/> is asked of the provider again first.
/// </summary>
/// <param name="RiderId">The linked account's rider id, as bookings record it.</param>
public sealed record FindLatestRide(string RiderId) : Command;

/// <summary>Ask the provider what cancelling the ride would cost now (CancellationFeeFound/CancellationFeeFailed).</summary>
/// <param name="BookingKey">The booking's idempotency key.</param>
/// <param name="RideId">The provider's id for the ride.</param>
public sealed record PriceCancellation(string BookingKey, string RideId) : Command;

/// <summary>
/// Cancel the ride at the provider, at most once (RideCanceled/RideCancelFailed), accepting the fee the rider heard;
/// the cancellation is then recorded on the booking and told to the ride's orchestration.
/// </summary>
/// <param name="BookingKey">The booking's idempotency key; the cancellation's own key derives from it.</param>
/// <param name="RideId">The provider's id for the ride.</param>
/// <param name="ConfirmedFee">The fee the rider said yes to; null when they heard of none.</param>
public sealed record CancelRide(string BookingKey, string RideId, Money? ConfirmedFee) : Command
{
    /// <summary>The cancellation's idempotency key: one per booking, so a second cancel of a ride is the same cancel.</summary>
    public string IdempotencyKey => CancelKeyFor(BookingKey);

    /// <summary>"cancel-" and the booking's key.</summary>
    public static string CancelKeyFor(string bookingKey)
    {
        ArgumentNullException.ThrowIfNull(bookingKey);
        return "cancel-" + bookingKey;
    }
}
