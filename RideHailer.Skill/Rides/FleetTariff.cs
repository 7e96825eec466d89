using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Rides;

/// <summary>How the local fleet prices rides and estimates pickups.</summary>
public sealed record FleetTariff
{
    /// <summary>The ISO 4217 currency of every amount below.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Charged for every ride, in dollars.</summary>
    public decimal BaseFare { get; init; } = 3.00m;

    /// <summary>Charged per mile of straight-line distance, in dollars.</summary>
    public decimal PerMile { get; init; } = 2.50m;

    /// <summary>No ride costs less than this, in dollars.</summary>
    public decimal MinimumFare { get; init; } = 8.00m;

    /// <summary>Fares are rounded up to a multiple of this, in dollars, so they are easy to say.</summary>
    public decimal FareIncrement { get; init; } = 0.50m;

    /// <summary>Average driving speed used for pickup estimates.</summary>
    public double AverageSpeedMph { get; init; } = 20;

    /// <summary>Time to assign a driver, added to every pickup estimate.</summary>
    public TimeSpan DispatchDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A pickup farther than this from every depot is outside the service area.</summary>
    public double ServiceRadiusMiles { get; init; } = 30;

    /// <summary>Longest ride the fleet offers.</summary>
    public double MaxTripMiles { get; init; } = 60;

    /// <summary>How long a quoted price holds.</summary>
    public TimeSpan QuoteValidity { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the cars wait, one per city served.</summary>
    public IReadOnlyList<Depot> Depots { get; init; } =
    [
        new("Seattle", new GeoPoint(47.6062, -122.3321)),
        new("San Francisco", new GeoPoint(37.7749, -122.4194)),
        new("New York", new GeoPoint(40.7128, -74.0060)),
        new("Portland", new GeoPoint(45.5152, -122.6784)),
        new("Vancouver", new GeoPoint(49.2827, -123.1207)),
    ];

    /// <summary>What an XL ride costs against a standard one.</summary>
    public decimal XlFactor { get; init; } = 1.5m;

    /// <summary>What a premium ride costs against a standard one.</summary>
    public decimal PremiumFactor { get; init; } = 2.0m;

    /// <summary>What cancelling costs once the driver is within <see cref="CancellationFeeWindow"/> of the pickup, in the tariff's currency.</summary>
    public decimal CancellationFee { get; init; } = 5.00m;

    /// <summary>Cancelling is free until the driver is this close to the pickup.</summary>
    public TimeSpan CancellationFeeWindow { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The price factor of <paramref name="rideType"/>.</summary>
    public decimal FactorFor(RideType rideType) => rideType switch
    {
        RideType.Xl => XlFactor,
        RideType.Premium => PremiumFactor,
        _ => 1m,
    };

    /// <summary>The default tariff.</summary>
    public static FleetTariff Standard { get; } = new();
}
