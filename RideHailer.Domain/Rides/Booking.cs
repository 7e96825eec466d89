namespace RideHailer.Domain.Rides;

/// <summary>A booked ride. Its idempotency key is also its id.</summary>
/// <param name="IdempotencyKey">The key it was booked under.</param>
/// <param name="Quote">The accepted quote (pickup, destination, fare).</param>
/// <param name="Passenger">Who rides.</param>
/// <param name="Dispatch">Driver, car and ETA.</param>
/// <param name="BookedAt">When it was booked.</param>
public sealed record Booking(
    string IdempotencyKey,
    Quote Quote,
    Passenger Passenger,
    Dispatch Dispatch,
    DateTimeOffset BookedAt)
{
    /// <summary>The booking a request describes.</summary>
    public static Booking From(BookingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.IdempotencyKey, request.Quote, request.Passenger, request.Dispatch, request.RequestedAt);
    }
}
