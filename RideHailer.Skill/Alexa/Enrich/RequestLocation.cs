using System.Globalization;
using RideHailer.Domain.Places;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Skill.Alexa.Enrich;

/// <summary>
/// The device's location as this request reports it (<c>context.Geolocation</c>), when it can be a pickup:
/// location services running, a real coordinate, and fresh. Amazon's location guide asks for the location
/// of the request that needs it, never one remembered from before.
/// </summary>
internal static class RequestLocation
{
    /// <summary>How much older than the request a fix may be: a rider in a moving car is a few hundred metres on by then.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);

    public static GeoPoint? Read(AlexaRequest request)
    {
        if (request.Envelope.Context?.Geolocation is not { Coordinate: { } coordinate } geolocation
            || geolocation.LocationServices is { IsRunning: false }
            || !coordinate.IsUsable
            || !IsFresh(geolocation.Timestamp, request.Request.Timestamp))
        {
            return null;
        }

        return new GeoPoint(coordinate.LatitudeInDegrees, coordinate.LongitudeInDegrees);
    }

    // Both times are Alexa's, so the age does not depend on this host's clock.
    private static bool IsFresh(string? fixedAt, DateTimeOffset requestedAt) =>
        DateTimeOffset.TryParse(fixedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var fix)
        && requestedAt - fix <= MaxAge
        && fix - requestedAt <= MaxAge;
}
