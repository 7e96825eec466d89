namespace RideHailer.Skill.Alexa.Requests;

/// <summary><c>context.Geolocation</c>, sent by devices that support location services.</summary>
public sealed record GeolocationContext(
    LocationServices? LocationServices,
    string? Timestamp,
    Coordinate? Coordinate);

public sealed record LocationServices(string? Access, string? Status)
{
    public bool IsRunning =>
        string.Equals(Access, "ENABLED", StringComparison.Ordinal) &&
        string.Equals(Status, "RUNNING", StringComparison.Ordinal);
}

public sealed record Coordinate(double LatitudeInDegrees, double LongitudeInDegrees, double? AccuracyInMeters);
