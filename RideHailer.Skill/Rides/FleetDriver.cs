namespace RideHailer.Skill.Rides;

/// <summary>A driver of the local fleet and their car.</summary>
public sealed record FleetDriver(string Name, string Car, string LicensePlate);
