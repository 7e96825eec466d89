using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Rides;

/// <summary>
/// A deterministic built-in ride provider: price and pickup time follow from straight-line distances,
/// quote ids from a hash of the inputs, and drivers from a fixed roster, so the skill runs without a
/// third-party account and the same inputs always give the same ride. It serves one or more markets
/// (<see cref="FleetTariff.Markets"/>): a ride is priced by the tariff, in the currency, and driven by the roster of the
/// market whose depot is nearest its pickup, to any destination within the trip limit (a catalog place or any point a
/// place search found).
/// </summary>
public sealed class LocalFleet : IRideProvider
{
    private readonly IReadOnlyList<FleetTariff> _markets;

    /// <summary>
    /// The built-in fleet, serving every market of <see cref="FleetTariff.Markets"/>. The constructor dependency
    /// injection and ActivatorUtilities use: the others take what no container registers, so a <see cref="FleetTariff"/>
    /// in the container never narrows the fleet to one market.
    /// </summary>
    [ActivatorUtilitiesConstructor]
    public LocalFleet()
        : this(FleetTariff.Markets)
    {
    }

    /// <summary>A fleet of the given markets; a ride is in the market of the depot nearest its pickup.</summary>
    public LocalFleet(IReadOnlyList<FleetTariff> markets)
    {
        ArgumentNullException.ThrowIfNull(markets);
        if (markets.Count == 0)
        {
            throw new ArgumentException("A fleet needs at least one market.", nameof(markets));
        }

        foreach (var market in markets)
        {
            if (market.Depots.Count == 0)
            {
                throw new ArgumentException($"The {market.Market} market needs at least one depot.", nameof(markets));
            }
        }

        _markets = [.. markets];
    }

    /// <summary>A fleet of one market with its tariff and, optionally, its own roster of drivers (tests' fleets).</summary>
    internal LocalFleet(FleetTariff tariff, IReadOnlyList<FleetDriver>? roster = null)
        : this([WithRoster(tariff, roster)])
    {
    }

    /// <summary>The built-in fleet: every market of <see cref="FleetTariff.Markets"/>.</summary>
    public static LocalFleet BuiltIn { get; } = new();

    /// <summary>The markets this fleet serves.</summary>
    public IReadOnlyList<FleetTariff> Markets => _markets;

    /// <summary>The drivers of a market whose tariff names none (Seattle's).</summary>
    public static IReadOnlyList<FleetDriver> DefaultRoster { get; } =
    [
        new("Sam", "a silver Toyota Prius", "BXK 4821"),
        new("Priya", "a blue Honda Civic", "CJT 1907"),
        new("Marco", "a white Tesla Model 3", "DLR 5530"),
        new("Aiko", "a black Ford Escape", "AVW 3346"),
        new("Jordan", "a red Subaru Outback", "EMN 7712"),
    ];

    /// <inheritdoc/>
    public Task<Quote> QuoteAsync(Pickup pickup, Place destination, RideType rideType, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pickup);
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Price(pickup, destination, rideType, now));
    }

    /// <inheritdoc/>
    public Task<Dispatch> DispatchAsync(RideOrder order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        cancellationToken.ThrowIfCancellationRequested();
        var quote = order.Quote;
        var market = Serving(Locate(quote.Pickup)).Tariff;
        var roster = RosterOf(market);
        var driverIndex = (int)(StableHash.Number(quote.Id) % (uint)roster.Count);
        var driver = roster[driverIndex];
        // The driver set off when the ride was quoted, so time spent confirming comes off the estimate.
        var eta = WholeMinutes.Round(quote.PickupEta - (now - quote.QuotedAt));
        var ride = new FleetRideId(
            StableHash.Hex("ride-", order.IdempotencyKey, 20), now, eta, quote.TripTime ?? TimeSpan.Zero, driverIndex, IndexOf(market));
        return Task.FromResult(new Dispatch(driver.Name, driver.Car, driver.LicensePlate, eta) { RideId = ride.ToString() });
    }

    // The built-in fleet keeps no state and may run on several instances: everything it says about a ride follows
    // from the ride id it issued (FleetRideId: its market, driver and times) and the clock, as the ride's orchestration
    // plays it (FleetSchedule).

    /// <inheritdoc/>
    public Task<RideProgress> StatusAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(FleetSchedule.At(Schedule(FleetRideId.Parse(rideId)), now));
    }

    /// <inheritdoc/>
    public Task<Money?> CancellationFeeAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ride = FleetRideId.Parse(rideId);
        var market = MarketOf(ride);
        // Free until the driver is within the fee window of the pickup: the fleet charges for a trip it nearly made.
        Money? fee = now >= ride.PickupAt - market.CancellationFeeWindow ? new Money(market.CancellationFee, market.Currency) : null;
        return Task.FromResult(fee);
    }

    /// <summary>
    /// Always cancels, and charges no more than the fee the rider confirmed (none when they heard of none): what is
    /// charged follows from the call alone, so a second cancel with the same key answers exactly as the first.
    /// </summary>
    public Task<RideCancellation> CancelAsync(string rideId, string idempotencyKey, Money? confirmedFee, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        var market = MarketOf(FleetRideId.Parse(rideId));
        var fee = confirmedFee is { } confirmed && string.Equals(confirmed.Currency, market.Currency, StringComparison.Ordinal) && confirmed.Amount > 0
            ? new Money(Math.Min(confirmed.Amount, market.CancellationFee), market.Currency)
            : null;
        return Task.FromResult(new RideCancellation(RideStatus.RiderCanceled, fee));
    }

    private IReadOnlyList<ScheduledReport> Schedule(FleetRideId ride)
    {
        var roster = RosterOf(MarketOf(ride));
        var driver = roster[ride.DriverIndex % roster.Count];
        return FleetSchedule.For(ride.DispatchedAt, new Dispatch(driver.Name, driver.Car, driver.LicensePlate, ride.DriverEta) { RideId = ride.ToString() }, ride.TripTime);
    }

    private FleetTariff MarketOf(FleetRideId ride) => _markets[ride.MarketIndex % _markets.Count];

    private int IndexOf(FleetTariff market)
    {
        for (var index = 0; index < _markets.Count; index++)
        {
            if (ReferenceEquals(_markets[index], market))
            {
                return index;
            }
        }

        return 0;
    }

    /// <summary>The quote for a ride, computed from the tariff of the market it starts in alone.</summary>
    internal Quote Price(Pickup pickup, Place destination, RideType rideType, DateTimeOffset now)
    {
        var start = Locate(pickup);
        var (tariff, depot, depotMiles) = Serving(start);
        if (depotMiles > tariff.ServiceRadiusMiles)
        {
            throw new RideUnavailableException("The pickup is outside the fleet's service area.");
        }

        var tripMiles = start.MilesTo(destination.Location);
        if (tripMiles > tariff.MaxTripMiles)
        {
            throw new RideUnavailableException($"The trip is longer than {tariff.MaxTripMiles} miles.");
        }

        var fare = RoundUp(tariff, Math.Max(tariff.MinimumFare, tariff.BaseFare + (tariff.PerMile * (decimal)tripMiles)) * tariff.FactorFor(rideType));
        var eta = WholeMinutes.Round(tariff.DispatchDelay + TimeSpan.FromHours(depotMiles / tariff.AverageSpeedMph));
        var id = QuoteId(start, destination, depot, rideType, now);
        var trip = WholeMinutes.Round(TimeSpan.FromHours(tripMiles / tariff.AverageSpeedMph));
        return new Quote(id, pickup, destination, new Money(fare, tariff.Currency), eta, now, now + tariff.QuoteValidity)
        {
            RideType = rideType,
            TripTime = trip,
        };
    }

    /// <summary>The market a ride starting at <paramref name="start"/> is in: that of the nearest depot of any market.</summary>
    internal (FleetTariff Tariff, Depot Depot, double Miles) Serving(GeoPoint start) =>
        _markets
            .SelectMany(market => market.Depots.Select(depot => (Tariff: market, Depot: depot, Miles: depot.Location.MilesTo(start))))
            .MinBy(nearest => nearest.Miles);

    private GeoPoint Locate(Pickup pickup)
    {
        if (pickup.Point is not null)
        {
            return pickup.Point;
        }

        // The local fleet does not geocode: an address without coordinates is taken as its city's depot.
        var depot = _markets.SelectMany(market => market.Depots)
            .FirstOrDefault(d => string.Equals(d.City, pickup.City, StringComparison.OrdinalIgnoreCase));
        return depot?.Location
            ?? throw new RideUnavailableException("The pickup has no coordinates and its city has no depot.");
    }

    private static IReadOnlyList<FleetDriver> RosterOf(FleetTariff tariff) => tariff.Roster.Count > 0 ? tariff.Roster : DefaultRoster;

    private static FleetTariff WithRoster(FleetTariff tariff, IReadOnlyList<FleetDriver>? roster)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        return roster is { Count: > 0 } ? tariff with { Roster = roster } : tariff;
    }

    private static decimal RoundUp(FleetTariff tariff, decimal fare) =>
        tariff.FareIncrement <= 0 ? Math.Round(fare, 2) : Math.Ceiling(fare / tariff.FareIncrement) * tariff.FareIncrement;

    private static string QuoteId(GeoPoint start, Place destination, Depot depot, RideType rideType, DateTimeOffset now)
    {
        // A standard ride's id is as it always was, so quotes made before ride types keep their ids.
        var type = rideType == RideType.Standard ? "" : $"|{rideType}";
        var inputs = string.Create(
            CultureInfo.InvariantCulture,
            $"{start.Latitude:R}|{start.Longitude:R}|{destination.Id}|{depot.City}|{now.UtcTicks}{type}");
        return StableHash.Hex("q-", inputs, 20);
    }
}
