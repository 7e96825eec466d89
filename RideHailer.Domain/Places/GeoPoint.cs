namespace RideHailer.Domain.Places;

/// <summary>A point on the earth in decimal degrees (WGS 84).</summary>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMiles = 3958.8;
    private const double KilometresPerMile = 1.609344;

    /// <summary>Great-circle distance in statute miles (haversine formula).</summary>
    public double MilesTo(GeoPoint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var dLat = ToRadians(other.Latitude - Latitude);
        var dLon = ToRadians(other.Longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Great-circle distance in kilometres.</summary>
    public double KilometresTo(GeoPoint other) => MilesTo(other) * KilometresPerMile;

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
