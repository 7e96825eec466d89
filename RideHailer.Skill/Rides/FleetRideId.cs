using System.Globalization;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Rides;

/// <summary>
/// The built-in fleet's ride id, which carries what the fleet needs to answer about the ride later (it keeps no
/// state): "ride-&lt;hash of the booking key&gt;.&lt;dispatched, unix seconds&gt;.&lt;ETA s&gt;.&lt;trip s&gt;.&lt;driver&gt;.&lt;market&gt;"
/// (driver and market as indexes into the fleet's markets and their rosters; an id without a market is the first's).
/// Nothing in it is the rider's.
/// </summary>
internal sealed record FleetRideId(string Key, DateTimeOffset DispatchedAt, TimeSpan DriverEta, TimeSpan TripTime, int DriverIndex, int MarketIndex = 0)
{
    public DateTimeOffset PickupAt => DispatchedAt + DriverEta;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Key}.{DispatchedAt.ToUnixTimeSeconds()}.{(long)DriverEta.TotalSeconds}.{(long)TripTime.TotalSeconds}.{DriverIndex}.{MarketIndex}");

    /// <summary>The id's parts; a ride id the fleet did not issue is a ride it cannot answer about.</summary>
    public static FleetRideId Parse(string rideId)
    {
        ArgumentException.ThrowIfNullOrEmpty(rideId);
        var parts = rideId.Split('.');
        var market = 0;
        if (parts.Length is 5 or 6
            && (parts.Length == 5 || int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out market))
            && parts[0].StartsWith("ride-", StringComparison.Ordinal)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var dispatched)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var eta)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var trip)
            && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var driver))
        {
            return new(parts[0], DateTimeOffset.FromUnixTimeSeconds(dispatched), TimeSpan.FromSeconds(eta), TimeSpan.FromSeconds(trip), driver, market);
        }

        throw new RideUnavailableException("The built-in fleet did not issue this ride id.");
    }
}
