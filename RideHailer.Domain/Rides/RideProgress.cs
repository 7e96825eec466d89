namespace RideHailer.Domain.Rides;

/// <summary>A ride's state as its provider last reported it.</summary>
/// <param name="Status">Where the ride is.</param>
/// <param name="Driver">The driver and car, once one accepted (null while processing or after no driver was found); its ETA is <paramref name="PickupEta"/> or zero.</param>
/// <param name="PickupEta">How soon the driver is at the pickup, as of <paramref name="At"/>, while it means anything.</param>
/// <param name="Sequence">The provider's sequence number: a report with a lower one is older and changes nothing.</param>
/// <param name="At">When the provider reported it.</param>
public sealed record RideProgress(RideStatus Status, Dispatch? Driver, TimeSpan? PickupEta, long Sequence, DateTimeOffset At);
