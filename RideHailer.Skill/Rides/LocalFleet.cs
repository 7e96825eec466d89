using System.Globalization;
using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Rides;

/// <summary>
/// A deterministic built-in ride provider: price and pickup time follow from straight-line distances,
/// quote ids from a hash of the inputs, and drivers from a fixed roster, so the skill runs without a
/// third-party account and the same inputs always give the same ride.
/// </summary>
public sealed class LocalFleet : IRideProvider
{
    private readonly FleetTariff _tariff;
    private readonly IReadOnlyList<FleetDriver> _roster;

    /// <summary>Creates the fleet with a tariff and, optionally, its own roster of drivers.</summary>
    public LocalFleet(FleetTariff tariff, IReadOnlyList<FleetDriver>? roster = null)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        if (tariff.Depots.Count == 0)
        {
            throw new ArgumentException("A fleet needs at least one depot.", nameof(tariff));
        }

        _tariff = tariff;
        _roster = roster is { Count: > 0 } ? roster : DefaultRoster;
    }

    /// <summary>The drivers used when no roster is given.</summary>
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
        var driverIndex = (int)(StableHash.Number(quote.Id) % (uint)_roster.Count);
        var driver = _roster[driverIndex];
        // The driver set off when the ride was quoted, so time spent confirming comes off the estimate.
        var eta = WholeMinutes.Round(quote.PickupEta - (now - quote.QuotedAt));
        var ride = new FleetRideId(StableHash.Hex("ride-", order.IdempotencyKey, 20), now, eta, quote.TripTime ?? TimeSpan.Zero, driverIndex);
        return Task.FromResult(new Dispatch(driver.Name, driver.Car, driver.LicensePlate, eta) { RideId = ride.ToString() });
    }

    // The built-in fleet keeps no state and may run on several instances: everything it says about a ride follows
    // from the ride id it issued (FleetRideId) and the clock, as the ride's orchestration plays it (FleetSchedule).

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
        // Free until the driver is within the fee window of the pickup: the fleet charges for a trip it nearly made.
        Money? fee = now >= ride.PickupAt - _tariff.CancellationFeeWindow ? new Money(_tariff.CancellationFee, _tariff.Currency) : null;
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
        _ = FleetRideId.Parse(rideId);
        var fee = confirmedFee is { } confirmed && string.Equals(confirmed.Currency, _tariff.Currency, StringComparison.Ordinal) && confirmed.Amount > 0
            ? new Money(Math.Min(confirmed.Amount, _tariff.CancellationFee), _tariff.Currency)
            : null;
        return Task.FromResult(new RideCancellation(RideStatus.RiderCanceled, fee));
    }

    private IReadOnlyList<ScheduledReport> Schedule(FleetRideId ride)
    {
        var driver = _roster[ride.DriverIndex % _roster.Count];
        return FleetSchedule.For(ride.DispatchedAt, new Dispatch(driver.Name, driver.Car, driver.LicensePlate, ride.DriverEta) { RideId = ride.ToString() }, ride.TripTime);
    }

    /// <summary>The quote for a ride, computed from the tariff alone.</summary>
    internal Quote Price(Pickup pickup, Place destination, RideType rideType, DateTimeOffset now)
    {
        var start = Locate(pickup);
        var (depot, depotMiles) = _tariff.Depots
            .Select(d => (Depot: d, Miles: d.Location.MilesTo(start)))
            .MinBy(d => d.Miles);
        if (depotMiles > _tariff.ServiceRadiusMiles)
        {
            throw new RideUnavailableException("The pickup is outside the fleet's service area.");
        }

        var tripMiles = start.MilesTo(destination.Location);
        if (tripMiles > _tariff.MaxTripMiles)
        {
            throw new RideUnavailableException($"The trip is longer than {_tariff.MaxTripMiles} miles.");
        }

        var fare = RoundUp(Math.Max(_tariff.MinimumFare, _tariff.BaseFare + (_tariff.PerMile * (decimal)tripMiles)) * _tariff.FactorFor(rideType));
        var eta = WholeMinutes.Round(_tariff.DispatchDelay + TimeSpan.FromHours(depotMiles / _tariff.AverageSpeedMph));
        var id = QuoteId(start, destination, depot, rideType, now);
        var trip = WholeMinutes.Round(TimeSpan.FromHours(tripMiles / _tariff.AverageSpeedMph));
        return new Quote(id, pickup, destination, new Money(fare, _tariff.Currency), eta, now, now + _tariff.QuoteValidity)
        {
            RideType = rideType,
            TripTime = trip,
        };
    }

    private GeoPoint Locate(Pickup pickup)
    {
        if (pickup.Point is not null)
        {
            return pickup.Point;
        }

        // The local fleet does not geocode: an address without coordinates is taken as its city's depot.
        var depot = _tariff.Depots.FirstOrDefault(d => string.Equals(d.City, pickup.City, StringComparison.OrdinalIgnoreCase));
        return depot?.Location
            ?? throw new RideUnavailableException("The pickup has no coordinates and its city has no depot.");
    }

    private decimal RoundUp(decimal fare) =>
        _tariff.FareIncrement <= 0 ? Math.Round(fare, 2) : Math.Ceiling(fare / _tariff.FareIncrement) * _tariff.FareIncrement;

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
