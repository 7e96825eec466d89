namespace RideHailer.Domain.Places;

/// <summary>What the rider named as the destination, and where they are.</summary>
/// <param name="Said">What the rider said, when anything.</param>
/// <param name="PlaceId">The place the interaction model resolved it to, when it did.</param>
/// <param name="Near">Where the rider is, to prefer places near them.</param>
public sealed record PlaceQuery(string? Said, string? PlaceId, GeoPoint? Near);
