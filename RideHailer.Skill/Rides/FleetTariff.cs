using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Rides;

/// <summary>
/// How the local fleet prices rides and estimates pickups in one market: its currency, fares, depots and drivers.
/// The built-in fleet serves the main city of each marketplace (<see cref="Markets"/>); a ride is priced by the market
/// of the depot nearest its pickup, in that market's currency. Distances are straight-line miles in every market.
/// </summary>
public sealed record FleetTariff
{
    /// <summary>The market, named after its main city ("Seattle", "London"), for messages and logs.</summary>
    public string Market { get; init; } = "Seattle";

    /// <summary>The ISO 4217 currency of every amount below.</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Charged for every ride, in <see cref="Currency"/>.</summary>
    public decimal BaseFare { get; init; } = 3.00m;

    /// <summary>Charged per mile of straight-line distance, in <see cref="Currency"/>.</summary>
    public decimal PerMile { get; init; } = 2.50m;

    /// <summary>No ride costs less than this, in <see cref="Currency"/>.</summary>
    public decimal MinimumFare { get; init; } = 8.00m;

    /// <summary>Fares are rounded up to a multiple of this, in <see cref="Currency"/>, so they are easy to say.</summary>
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
    ];

    /// <summary>The market's drivers; empty means <see cref="LocalFleet.DefaultRoster"/> (Seattle's).</summary>
    public IReadOnlyList<FleetDriver> Roster { get; init; } = [];

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

    /// <summary>The United States market, priced in US dollars: Seattle and the other US depots, as the fleet always was.</summary>
    public static FleetTariff Standard { get; } = new();

    /// <summary>London, in pounds: about £1.25 a kilometre, slower streets.</summary>
    public static FleetTariff London { get; } = new()
    {
        Market = "London",
        Currency = "GBP",
        BaseFare = 2.50m,
        PerMile = 2.00m,
        MinimumFare = 6.00m,
        FareIncrement = 0.50m,
        AverageSpeedMph = 12,
        Depots = [new("London", new GeoPoint(51.5074, -0.1278))],
        Roster =
        [
            new("Oliver", "a black Skoda Octavia", "LB21 XKE"),
            new("Amelia", "a silver Toyota Prius", "LC70 HMP"),
            new("Harry", "a white Kia Niro", "LD19 RTA"),
            new("Isla", "a grey Ford Mondeo", "LE68 WSB"),
            new("Mohammed", "a blue Volkswagen Passat", "LF22 NJU"),
        ],
    };

    /// <summary>Canada, in Canadian dollars: Toronto, and the Vancouver depot the fleet has always had.</summary>
    public static FleetTariff Toronto { get; } = new()
    {
        Market = "Toronto",
        Currency = "CAD",
        BaseFare = 3.50m,
        PerMile = 2.80m,
        MinimumFare = 9.00m,
        FareIncrement = 0.50m,
        Depots =
        [
            new("Toronto", new GeoPoint(43.6532, -79.3832)),
            new("Vancouver", new GeoPoint(49.2827, -123.1207)),
        ],
        Roster =
        [
            new("Liam", "a white Toyota Camry", "CBKR 417"),
            new("Emma", "a grey Honda Accord", "CDLM 252"),
            new("Noah", "a black Hyundai Ioniq", "CFRT 903"),
            new("Olivia", "a silver Toyota RAV4", "CHWN 668"),
            new("Raj", "a red Mazda 3", "CJPX 134"),
        ],
    };

    /// <summary>Sydney, in Australian dollars: about A$2.20 a kilometre.</summary>
    public static FleetTariff Sydney { get; } = new()
    {
        Market = "Sydney",
        Currency = "AUD",
        BaseFare = 3.60m,
        PerMile = 3.50m,
        MinimumFare = 11.00m,
        FareIncrement = 0.50m,
        Depots = [new("Sydney", new GeoPoint(-33.8688, 151.2093))],
        Roster =
        [
            new("Jack", "a white Toyota Camry", "DK47LM"),
            new("Charlotte", "a silver Kia Carnival", "EH12QZ"),
            new("Lachlan", "a black Hyundai Ioniq", "CX85TB"),
            new("Mia", "a blue Tesla Model 3", "FA03RN"),
            new("Kai", "a grey Toyota RAV4", "BZ66WP"),
        ],
    };

    /// <summary>Mumbai, in rupees: about ₹19 a kilometre, fares rounded to ten rupees, slower streets.</summary>
    public static FleetTariff Mumbai { get; } = new()
    {
        Market = "Mumbai",
        Currency = "INR",
        BaseFare = 50m,
        PerMile = 30m,
        MinimumFare = 100m,
        FareIncrement = 10m,
        AverageSpeedMph = 12,
        Depots = [new("Mumbai", new GeoPoint(19.0760, 72.8777))],
        Roster =
        [
            new("Rahul", "a white Maruti Suzuki Dzire", "MH 01 AB 4821"),
            new("Ananya", "a silver Hyundai Aura", "MH 02 CD 1907"),
            new("Vikram", "a white Toyota Innova", "MH 03 EF 5530"),
            new("Sneha", "a grey Tata Nexon", "MH 04 GH 3346"),
            new("Arjun", "a blue Honda Amaze", "MH 47 JK 7712"),
        ],
    };

    /// <summary>Berlin, in euros: about €2.20 a kilometre.</summary>
    public static FleetTariff Berlin { get; } = new()
    {
        Market = "Berlin",
        Currency = "EUR",
        BaseFare = 4.00m,
        PerMile = 3.50m,
        MinimumFare = 10.00m,
        FareIncrement = 0.50m,
        AverageSpeedMph = 15,
        Depots = [new("Berlin", new GeoPoint(52.5200, 13.4050))],
        Roster =
        [
            new("Lukas", "a beige Mercedes E-Class", "B-LK 4821"),
            new("Anna", "a black Volkswagen Passat", "B-AN 1907"),
            new("Felix", "a white Toyota Prius", "B-FX 5530"),
            new("Lea", "a grey Skoda Octavia", "B-LA 3346"),
            new("Jonas", "a silver Tesla Model 3", "B-JS 7712"),
        ],
    };

    /// <summary>Every market of the built-in fleet: the United States (Seattle), London, Canada (Toronto), Sydney, Mumbai, Berlin.</summary>
    public static IReadOnlyList<FleetTariff> Markets { get; } = [Standard, London, Toronto, Sydney, Mumbai, Berlin];
}
