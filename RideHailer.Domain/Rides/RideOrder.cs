namespace RideHailer.Domain.Rides;

/// <summary>What the provider needs to dispatch a driver: the accepted quote, who rides, and the key that makes it once.</summary>
/// <param name="IdempotencyKey">The booking's idempotency key; the provider dispatches at most once per key.</param>
/// <param name="Quote">The accepted quote.</param>
/// <param name="Passenger">Who rides (the driver's name and number for them).</param>
public sealed record RideOrder(string IdempotencyKey, Quote Quote, Passenger Passenger);
