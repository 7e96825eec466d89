namespace RideHailer.Domain.Rides;

/// <summary>What <see cref="RideBooker"/> did: the booking stored under the command's key, and whether this call stored it.</summary>
/// <param name="Booking">The booking under the key, new or found.</param>
/// <param name="IsNew">False when the key was booked already: by an earlier run, or by a concurrent one that won the store.</param>
public sealed record BookedRide(Booking Booking, bool IsNew);
