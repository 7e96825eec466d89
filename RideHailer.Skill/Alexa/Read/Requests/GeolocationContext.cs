namespace RideHailer.Skill.Alexa.Read.Requests;

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

public sealed record Coordinate(double LatitudeInDegrees, double LongitudeInDegrees, double? AccuracyInMeters)
{
    /// <summary>
    /// A position on Earth: latitude within ±90°, longitude within ±180°. JSON numbers have no range, so a
    /// device can send 1e400, which parses as infinity; that, like NaN, fails these comparisons too. A position
    /// that is not usable is no position, not a malformed request.
    /// </summary>
    public bool IsUsable => Math.Abs(LatitudeInDegrees) <= 90 && Math.Abs(LongitudeInDegrees) <= 180;
}
