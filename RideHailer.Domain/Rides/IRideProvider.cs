using RideHailer.Domain.Places;

namespace RideHailer.Domain.Rides;

/// <summary>Prices rides and sends drivers. Throws <see cref="RideUnavailableException"/> when it cannot.</summary>
public interface IRideProvider
{
    /// <summary>Prices a ride from <paramref name="pickup"/> to <paramref name="destination"/> as of <paramref name="now"/>.</summary>
    Task<Quote> QuoteAsync(Pickup pickup, Place destination, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sends a driver for an accepted quote.</summary>
    Task<Dispatch> DispatchAsync(Quote quote, DateTimeOffset now, CancellationToken cancellationToken);
}
