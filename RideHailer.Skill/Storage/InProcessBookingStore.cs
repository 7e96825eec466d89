using System.Collections.Concurrent;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Storage;

/// <summary>A thread-safe booking store in memory, for the dev host and tests; bookings vanish with the process.</summary>
public sealed class InProcessBookingStore : IBookingStore
{
    private readonly ConcurrentDictionary<string, Booking> _bookings = new(StringComparer.Ordinal);

    /// <summary>How many bookings are held.</summary>
    public int Count => _bookings.Count;

    /// <summary>Every booking held, in no particular order.</summary>
    public IReadOnlyCollection<Booking> All => [.. _bookings.Values];

    /// <inheritdoc/>
    public Task<Booking> BookOnceAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        // GetOrAdd with a value (not a factory) makes first-writer-wins atomic: every racer gets the stored booking.
        return Task.FromResult(_bookings.GetOrAdd(request.IdempotencyKey, Booking.From(request)));
    }

    /// <inheritdoc/>
    public Task<Booking?> FindAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_bookings.GetValueOrDefault(idempotencyKey));
    }

    /// <inheritdoc/>
    public Task<Booking?> FindActiveAsync(string riderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(riderId);
        cancellationToken.ThrowIfCancellationRequested();
        var active = _bookings.Values
            .Where(booking => string.Equals(booking.Passenger.RiderId, riderId, StringComparison.Ordinal) && !booking.HasArrivedBy(now))
            .MaxBy(booking => booking.BookedAt);
        return Task.FromResult(active);
    }
}
