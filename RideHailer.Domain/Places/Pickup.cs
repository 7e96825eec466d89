namespace RideHailer.Domain.Places;

/// <summary>Where the driver picks the rider up, as loaded at the edge.</summary>
/// <param name="Source">Geolocation or device address.</param>
/// <param name="Point">Coordinates when known (always for geolocation; a device address may have none).</param>
/// <param name="Address">One-line postal address for the driver, when the source is the device address.</param>
/// <param name="City">The address's city, so a provider can place an address without coordinates.</param>
public sealed record Pickup(PickupSource Source, GeoPoint? Point, string? Address = null, string? City = null)
{
    /// <summary>A pickup at the device's geolocation.</summary>
    public static Pickup AtGeolocation(GeoPoint point) => new(PickupSource.Geolocation, point);

    /// <summary>A pickup at the device's postal address.</summary>
    public static Pickup AtAddress(string address, string? city, GeoPoint? point = null) =>
        new(PickupSource.DeviceAddress, point, address, city);
}
