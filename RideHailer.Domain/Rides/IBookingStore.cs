namespace RideHailer.Domain.Rides;

/// <summary>Durable record of bookings, at most one per idempotency key.</summary>
public interface IBookingStore
{
    /// <summary>
    /// Stores the booking the request describes, or, when a booking with the same idempotency key
    /// exists already (including one being stored concurrently), returns that one and stores nothing.
    /// </summary>
    Task<Booking> BookOnceAsync(BookingRequest request, CancellationToken cancellationToken);

    /// <summary>The booking stored under <paramref name="idempotencyKey"/>, or null.</summary>
    Task<Booking?> FindAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// The rider's most recently booked ride whose driver is still due after <paramref name="now"/>
    /// (<see cref="Booking.ArrivesAt"/>), or null when every ride of theirs has arrived.
    /// </summary>
    Task<Booking?> FindActiveAsync(string riderId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The rider's most recently booked ride, whatever its state, with its last recorded progress; null when they have none.</summary>
    Task<Booking?> FindLatestAsync(string riderId, CancellationToken cancellationToken);

    /// <summary>The booking whose dispatch has the provider's <paramref name="rideId"/>, or null when no booking of ours has it.</summary>
    Task<Booking?> FindByRideIdAsync(string rideId, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="progress"/> as the ride's state unless the booking already holds a report with the same
    /// or a higher sequence number (an older or repeated report changes nothing) or an end (a ride that ended stays
    /// ended). False when nothing changed, or when no booking has the key.
    /// </summary>
    Task<bool> RecordProgressAsync(string idempotencyKey, RideProgress progress, CancellationToken cancellationToken);
}
