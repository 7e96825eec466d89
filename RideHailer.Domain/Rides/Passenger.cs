namespace RideHailer.Domain.Rides;

/// <summary>Who rides: the facts a booking needs, captured when the ride was quoted.</summary>
/// <param name="RiderId">Stable id of the linked account.</param>
/// <param name="PersonId">Recognised speaker, when there was one.</param>
/// <param name="GivenName">The rider's name for the driver.</param>
/// <param name="MobileNumber">The number the driver calls.</param>
public sealed record Passenger(string RiderId, string? PersonId, string? GivenName, string? MobileNumber);
