namespace RideHailer.Domain.Rides;

/// <summary>The driver and car a provider sent for a booked quote.</summary>
/// <param name="DriverName">The driver's first name.</param>
/// <param name="Car">Colour, make and model ("a silver Toyota Prius").</param>
/// <param name="LicensePlate">The car's plate.</param>
/// <param name="DriverEta">How soon the driver will be at the pickup.</param>
public sealed record Dispatch(string DriverName, string Car, string LicensePlate, TimeSpan DriverEta)
{
    /// <summary>The provider's id for the ride, for status and cancellation; null for bookings made before rides had ids.</summary>
    public string? RideId { get; init; }
}
