using System.Text.RegularExpressions;

namespace RideHailer.Bench.Load;

/// <summary>
/// Where the seed conversation's rider goes: what they say on the destination turn, the destination's name as the
/// quote and the booking speak it, and where the rider's device stands (<c>context.Geolocation.coordinate</c>; null:
/// the simulation kit's rider, at Pike Place Market).
/// </summary>
internal sealed record Trip(string Said, string SpokenName, string? Coordinate = null)
{
    /// <summary>The seed conversation's trip, Pike Place Market to the Space Needle on the built-in catalog.</summary>
    public static Trip SpaceNeedle { get; } = new("the space needle", "the Space Needle");

    /// <summary>
    /// The built-in fleet's shortest ride (--ride-cost): from the Seattle depot itself, so the pickup is the fleet's
    /// dispatch delay alone (2 minutes), to the Seattle Central Library 60 m away (1 minute, the least a trip is
    /// rounded to): accepted at once, arriving after a minute, in progress after two, completed after three.
    /// </summary>
    public static Trip ShortestRide { get; } = new(
        "the seattle central library", "the Seattle Central Library", """{"latitudeInDegrees":47.6062,"longitudeInDegrees":-122.3321,"accuracyInMeters":20}""");

    /// <summary>
    /// The address of Azure Maps' documented Get Geocoding example ("Search detail address 15127 NE 24th Street, Redmond,
    /// WA by query"), which the geocoding stub answers with that example's body: one match, spoken by its address line.
    /// </summary>
    public static Trip DocumentedAddress { get; } = new("15127 NE 24th Street, Redmond, WA", "15127 NE 24th St");

    /// <summary>The booking, or (a repeated PIN turn whose first try booked after "that took too long") the session's late reply naming it.</summary>
    public Regex Booked { get; } = new(
        $@"^(Great\.|Your ride to {Regex.Escape(SpokenName)} is booked\.) Your driver will arrive in .+ minutes?\.$", RegexOptions.CultureInvariant);
}
