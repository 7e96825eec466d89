using RideHailer.Domain.Places;

namespace RideHailer.Domain.Rides;

/// <summary>
/// A ride service: prices rides, sends drivers, reports a ride's status and cancels it. Throws
/// <see cref="RideUnavailableException"/> when it answers that it cannot, and <see cref="RideServiceUnreachableException"/>
/// when it does not answer in time.
/// </summary>
public interface IRideProvider
{
    /// <summary>Prices a ride of <paramref name="rideType"/> from <paramref name="pickup"/> to <paramref name="destination"/> as of <paramref name="now"/>.</summary>
    Task<Quote> QuoteAsync(Pickup pickup, Place destination, RideType rideType, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sends a driver for an accepted quote, at most once per <see cref="RideOrder.IdempotencyKey"/>.</summary>
    Task<Dispatch> DispatchAsync(RideOrder order, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The ride's current state, as the provider knows it.</summary>
    Task<RideProgress> StatusAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The fee cancelling the ride would cost now, or null when cancelling is free.</summary>
    Task<Money?> CancellationFeeAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels the ride, at most once per <paramref name="idempotencyKey"/>, accepting <paramref name="confirmedFee"/>
    /// (the fee the rider heard; null when they heard of none).
    /// </summary>
    Task<RideCancellation> CancelAsync(string rideId, string idempotencyKey, Money? confirmedFee, DateTimeOffset now, CancellationToken cancellationToken);
}
