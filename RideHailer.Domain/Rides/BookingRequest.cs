namespace RideHailer.Domain.Rides;

/// <summary>What to store as a booking, unless one with the same key exists already.</summary>
/// <param name="IdempotencyKey">Derived from the session and quote; one booking per key, ever.</param>
/// <param name="Quote">The accepted quote.</param>
/// <param name="Passenger">Who rides.</param>
/// <param name="Dispatch">The driver the provider sent.</param>
/// <param name="RequestedAt">When the booking was made.</param>
public sealed record BookingRequest(
    string IdempotencyKey,
    Quote Quote,
    Passenger Passenger,
    Dispatch Dispatch,
    DateTimeOffset RequestedAt);
