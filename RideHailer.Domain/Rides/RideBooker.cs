namespace RideHailer.Domain.Rides;

/// <summary>
/// Carries out a <see cref="BookRide"/> command: dispatches a driver and stores the booking once.
/// Replaying the command returns the stored booking without dispatching again, and says so.
/// </summary>
public sealed class RideBooker(IRideProvider provider, IBookingStore store)
{
    /// <summary>Books the ride the command names, or returns the booking already made for its key.</summary>
    public async Task<BookedRide> BookAsync(BookRide command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var existing = await store.FindAsync(command.IdempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return new BookedRide(existing, IsNew: false);
        }

        var dispatch = await provider.DispatchAsync(command.Quote, now, cancellationToken);
        var request = new BookingRequest(command.IdempotencyKey, command.Quote, command.Passenger, dispatch, now);
        var stored = await store.BookOnceAsync(request, cancellationToken);

        // The store returns the winner of a race for the key: ours only if it is what this request described.
        return new BookedRide(stored, IsNew: stored == Booking.From(request));
    }
}
