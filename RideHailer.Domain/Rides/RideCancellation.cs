namespace RideHailer.Domain.Rides;

/// <summary>What the provider did with a cancellation: the ride's status after it, and the fee charged, if any.</summary>
public sealed record RideCancellation(RideStatus Status, Money? Fee);
