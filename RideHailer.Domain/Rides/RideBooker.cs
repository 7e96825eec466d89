namespace RideHailer.Domain.Rides;

/// <summary>
/// Books a quoted ride once per idempotency key: dispatches a driver and stores the booking. Booking the same key
/// again returns the stored booking without dispatching again, and says so.
/// </summary>
public sealed class RideBooker(IRideProvider provider, IBookingStore store)
{
    /// <summary>Books <paramref name="quote"/> for <paramref name="passenger"/> under <paramref name="idempotencyKey"/>, or returns the booking already made for it.</summary>
    public async Task<BookedRide> BookAsync(
        string idempotencyKey, Quote quote, Passenger passenger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(passenger);
        var existing = await store.FindAsync(idempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return new BookedRide(existing, IsNew: false);
        }

        var dispatch = await provider.DispatchAsync(new RideOrder(idempotencyKey, quote, passenger), now, cancellationToken);
        var request = new BookingRequest(idempotencyKey, quote, passenger, dispatch, now);
        var stored = await store.BookOnceAsync(request, cancellationToken);

        // The store returns the winner of a race for the key: ours only if it is what this request described.
        return new BookedRide(stored, IsNew: stored == Booking.From(request));
    }
}
