using RideHailer.Domain.Places;

namespace RideHailer.Skill.Rides;

/// <summary>Where a fleet's cars wait in a city; also stands in for an address in that city that has no coordinates.</summary>
public sealed record Depot(string City, GeoPoint Location);
