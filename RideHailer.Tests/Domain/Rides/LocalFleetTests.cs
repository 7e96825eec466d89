using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;
using RideHailer.Skill.Rides;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Domain.Rides;

/// <summary>
/// The local fleet on the equator, where a tenth of a degree of longitude is 6.909 miles, so expected fares and
/// times can be worked out by hand.
/// </summary>
public sealed class LocalFleetTests
{
    private static readonly DateTimeOffset Now = SessionDriver.Noon;
    private static readonly GeoPoint Depot = new(0, 0);

    private static readonly FleetTariff Tariff = new()
    {
        BaseFare = 3m,
        PerMile = 2m,
        MinimumFare = 8m,
        FareIncrement = 0.5m,
        AverageSpeedMph = 20,
        DispatchDelay = TimeSpan.FromMinutes(2),
        ServiceRadiusMiles = 30,
        MaxTripMiles = 60,
        QuoteValidity = TimeSpan.FromMinutes(5),
        Depots = [new Depot("Equator City", Depot)],
    };

    private static readonly LocalFleet Fleet = new(Tariff);
    private static readonly Passenger Rider = new("rider-1", null, "Jane", "+12065550123");

    private static Place At(double longitude, string id = "dest") => new(id, "Dest", "the dest", new(0, longitude), "Equator City", []);

    private static Task<Quote> QuoteAsync(Pickup pickup, Place destination, DateTimeOffset? now = null) =>
        Fleet.QuoteAsync(pickup, destination, RideType.Standard, now ?? Now, CancellationToken.None);

    [Fact]
    public async Task Quote_FareIsBasePlusPerMileRoundedUpToTheIncrement()
    {
        var quote = await QuoteAsync(Pickup.AtGeolocation(Depot), At(0.1));

        // 3 + 2 × 6.909 = 16.82 → 17.00
        Assert.Equal(17.00m, quote.Price.Amount);
    }

    [Fact]
    public async Task Quote_ShortRide_CostsTheMinimumFare()
    {
        var quote = await QuoteAsync(Pickup.AtGeolocation(Depot), At(0.01));

        Assert.Equal(8m, quote.Price.Amount);
    }

    [Fact]
    public async Task Quote_PickupEtaIsDispatchDelayPlusDriveFromNearestDepot()
    {
        var atDepot = await QuoteAsync(Pickup.AtGeolocation(Depot), At(0.1));
        var awayFromDepot = await QuoteAsync(Pickup.AtGeolocation(new GeoPoint(0, 0.1)), At(0.2));

        Assert.Equal(TimeSpan.FromMinutes(2), atDepot.PickupEta);
        // 2 min + 6.909 mi at 20 mph (20.7 min) → 23 minutes
        Assert.Equal(TimeSpan.FromMinutes(23), awayFromDepot.PickupEta);
    }

    [Fact]
    public async Task Quote_ExpiresAfterTheTariffsValidity()
    {
        var quote = await QuoteAsync(Pickup.AtGeolocation(Depot), At(0.1));

        Assert.Equal(Now, quote.QuotedAt);
        Assert.Equal(Now.AddMinutes(5), quote.ExpiresAt);
        Assert.True(quote.IsValidAt(Now.AddMinutes(5).AddTicks(-1)));
        Assert.False(quote.IsValidAt(Now.AddMinutes(5)));
    }

    [Fact]
    public async Task Quote_IdIsDeterministicFromItsInputs()
    {
        var first = await QuoteAsync(Pickup.AtGeolocation(Depot), At(0.1));
        var again = await new LocalFleet(Tariff).QuoteAsync(Pickup.AtGeolocation(Depot), At(0.1), RideType.Standard, Now, CancellationToken.None);
        var later = await QuoteAsync(Pickup.AtGeolocation(Depot), At(0.1), Now.AddSeconds(1));
        var elsewhere = await QuoteAsync(Pickup.AtGeolocation(Depot), At(0.1, "other"));

        Assert.Equal(first, again);
        Assert.NotEqual(first.Id, later.Id);
        Assert.NotEqual(first.Id, elsewhere.Id);
        Assert.Matches("^q-[0-9a-f]{20}$", first.Id);
    }

    [Fact]
    public async Task Quote_PickupOutsideServiceArea_IsUnavailable()
    {
        await Assert.ThrowsAsync<RideUnavailableException>(() => QuoteAsync(Pickup.AtGeolocation(new GeoPoint(1, 0)), At(0.1)));
    }

    [Fact]
    public async Task Quote_TripLongerThanTheMaximum_IsUnavailable()
    {
        await Assert.ThrowsAsync<RideUnavailableException>(() => QuoteAsync(Pickup.AtGeolocation(Depot), At(1)));
    }

    [Fact]
    public async Task Quote_AddressWithoutCoordinates_IsPricedFromItsCitysDepot()
    {
        var fromAddress = await QuoteAsync(Pickup.AtAddress("1 Main St", "equator city"), At(0.1));

        Assert.Equal(17.00m, fromAddress.Price.Amount);
        await Assert.ThrowsAsync<RideUnavailableException>(() => QuoteAsync(Pickup.AtAddress("1 Main St", "Elsewhere"), At(0.1)));
    }

    [Fact]
    public async Task Dispatch_SameQuoteSameDriver_EtaShrinksWithTimeSinceQuoteButNotBelowOneMinute()
    {
        var quote = await QuoteAsync(Pickup.AtGeolocation(new GeoPoint(0, 0.1)), At(0.2));

        var soon = await Fleet.DispatchAsync(new RideOrder("bk-test", quote, Rider), Now.AddMinutes(5), CancellationToken.None);
        var again = await Fleet.DispatchAsync(new RideOrder("bk-test", quote, Rider), Now.AddMinutes(5), CancellationToken.None);
        var late = await Fleet.DispatchAsync(new RideOrder("bk-test", quote, Rider), Now.AddMinutes(60), CancellationToken.None);

        Assert.Equal(soon, again);
        Assert.Equal(TimeSpan.FromMinutes(18), soon.DriverEta);
        Assert.Equal(TimeSpan.FromMinutes(1), late.DriverEta);
        Assert.Contains(LocalFleet.DefaultRoster, d => d.Name == soon.DriverName && d.Car == soon.Car && d.LicensePlate == soon.LicensePlate);
    }

    [Fact]
    public async Task Dispatch_UsesTheGivenRoster()
    {
        var fleet = new LocalFleet(Tariff, [new FleetDriver("Kim", "a green Kia Niro", "KIM 0001")]);
        var quote = await fleet.QuoteAsync(Pickup.AtGeolocation(Depot), At(0.1), RideType.Standard, Now, CancellationToken.None);

        var dispatch = await fleet.DispatchAsync(new RideOrder("bk-test", quote, Rider), Now, CancellationToken.None);

        Assert.Equal(new Dispatch("Kim", "a green Kia Niro", "KIM 0001", TimeSpan.FromMinutes(2)), dispatch with { RideId = null });
        Assert.StartsWith("ride-", dispatch.RideId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandardTariff_PricesSeattleRidesAndRefusesCrossCountryOnes()
    {
        var fleet = new LocalFleet(FleetTariff.Standard);
        PlaceCatalog.Default.TryGet("space-needle", out var needle);
        PlaceCatalog.Default.TryGet("statue-of-liberty", out var liberty);

        var quote = await fleet.QuoteAsync(Pickup.AtGeolocation(Riders.Downtown), needle!, RideType.Standard, Now, CancellationToken.None);

        Assert.Equal(8m, quote.Price.Amount);
        await Assert.ThrowsAsync<RideUnavailableException>(
            () => fleet.QuoteAsync(Pickup.AtGeolocation(Riders.Downtown), liberty!, RideType.Standard, Now, CancellationToken.None));
    }

    // The fleet keeps no state: what it says about a ride later follows from the ride id it issued and the clock.

    private static async Task<(Dispatch Dispatch, Quote Quote)> DispatchedAsync(LocalFleet? fleet = null)
    {
        fleet ??= Fleet;
        // Seven miles from the depot: a driver 23 minutes away.
        var quote = await fleet.QuoteAsync(Pickup.AtGeolocation(new GeoPoint(0, 0.1)), At(0.2), RideType.Standard, Now, CancellationToken.None);
        return (await fleet.DispatchAsync(new RideOrder("bk-status", quote, Rider), Now, CancellationToken.None), quote);
    }

    [Fact]
    public async Task Status_FollowsTheFleetsSchedule_FromTheRideIdAlone()
    {
        var (dispatch, quote) = await DispatchedAsync();
        var another = new LocalFleet(Tariff);
        var pickup = Now + dispatch.DriverEta;

        async Task<RideStatus> StatusAt(DateTimeOffset at) => (await another.StatusAsync(dispatch.RideId!, at, CancellationToken.None)).Status;

        Assert.Equal(RideStatus.Accepted, await StatusAt(Now));
        Assert.Equal(RideStatus.Arriving, await StatusAt(pickup.AddSeconds(-30)));
        Assert.Equal(RideStatus.InProgress, await StatusAt(pickup));
        Assert.Equal(RideStatus.Completed, await StatusAt(pickup + quote.TripTime!.Value));
        var accepted = await another.StatusAsync(dispatch.RideId!, Now, CancellationToken.None);
        Assert.Equal((dispatch.DriverName, dispatch.Car, dispatch.LicensePlate), (accepted.Driver?.DriverName, accepted.Driver?.Car, accepted.Driver?.LicensePlate));
        Assert.Equal(dispatch.DriverEta, accepted.PickupEta);
    }

    [Fact]
    public async Task CancellationFee_IsFreeUntilTheDriverIsTwoMinutesAway_ThenFiveInTheQuotesCurrency()
    {
        var (dispatch, quote) = await DispatchedAsync();
        var pickup = Now + dispatch.DriverEta;

        Assert.Null(await Fleet.CancellationFeeAsync(dispatch.RideId!, Now, CancellationToken.None));
        Assert.Null(await Fleet.CancellationFeeAsync(dispatch.RideId!, pickup.AddMinutes(-2).AddSeconds(-1), CancellationToken.None));
        Assert.Equal(new Money(5m, quote.Price.Currency), await Fleet.CancellationFeeAsync(dispatch.RideId!, pickup.AddMinutes(-2), CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_IsRiderCanceled_ChargingNoMoreThanTheFeeTheRiderConfirmed_AndTheSameTwice()
    {
        var (dispatch, _) = await DispatchedAsync();
        var fee = new Money(5m, "USD");

        var first = await Fleet.CancelAsync(dispatch.RideId!, "cancel-1", fee, Now.AddMinutes(9), CancellationToken.None);
        var second = await Fleet.CancelAsync(dispatch.RideId!, "cancel-1", fee, Now.AddMinutes(30), CancellationToken.None);
        var free = await Fleet.CancelAsync(dispatch.RideId!, "cancel-2", null, Now.AddMinutes(9), CancellationToken.None);
        var overConfirmed = await Fleet.CancelAsync(dispatch.RideId!, "cancel-3", new Money(50m, "USD"), Now, CancellationToken.None);

        Assert.Equal(new RideCancellation(RideStatus.RiderCanceled, fee), first);
        Assert.Equal(first, second);
        Assert.Equal(new RideCancellation(RideStatus.RiderCanceled, null), free);
        Assert.Equal(fee, overConfirmed.Fee);
    }

    [Fact]
    public async Task RideIdTheFleetDidNotIssue_IsUnavailable()
    {
        await Assert.ThrowsAsync<RideUnavailableException>(() => Fleet.StatusAsync("ride-elsewhere", Now, CancellationToken.None));
        await Assert.ThrowsAsync<RideUnavailableException>(() => Fleet.CancellationFeeAsync("not-ours", Now, CancellationToken.None));
    }

    // The built-in fleet: a market per marketplace's main city, each in its own currency.

    private static Task<Quote> BuiltInQuoteAsync(GeoPoint pickup, string destinationId) =>
        LocalFleet.BuiltIn.QuoteAsync(Pickup.AtGeolocation(pickup), CatalogPlace(destinationId), RideType.Standard, Now, CancellationToken.None);

    private static Place CatalogPlace(string id) =>
        PlaceCatalog.Default.TryGet(id, out var place) ? place : throw new InvalidOperationException($"No place {id}.");

    [Theory]
    [InlineData(47.6062, -122.3321, "space-needle", "USD")]
    [InlineData(51.5080, -0.1281, "tower-of-london", "GBP")]
    [InlineData(43.6453, -79.3806, "cn-tower", "CAD")]
    [InlineData(-33.8615, 151.2106, "sydney-opera-house", "AUD")]
    [InlineData(18.9220, 72.8347, "marine-drive", "INR")]
    [InlineData(52.5163, 13.3777, "berlin-tv-tower", "EUR")]
    public async Task BuiltIn_PricesARideInTheCurrencyOfTheMarketItStartsIn(double latitude, double longitude, string destination, string currency)
    {
        var quote = await BuiltInQuoteAsync(new GeoPoint(latitude, longitude), destination);

        Assert.Equal(currency, quote.Price.Currency);
        Assert.True(quote.Price.Amount >= FleetTariff.Markets.Single(market => market.Currency == currency).MinimumFare);
    }

    [Fact]
    public async Task BuiltIn_LondonPickup_IsQuotedInPoundsFromTheLondonTariff()
    {
        // Trafalgar Square to the Tower of London: 2.25 miles, £2.50 + £2.00 × 2.25 = £6.99 → £7.00. The depot is 0.05 miles
        // away: 2 minutes to assign a driver and a quarter of a minute at 12 mph, rounded up.
        var quote = await BuiltInQuoteAsync(new GeoPoint(51.5080, -0.1281), "tower-of-london");

        Assert.Equal(new Money(7.00m, "GBP"), quote.Price);
        Assert.Equal(TimeSpan.FromMinutes(3), quote.PickupEta);
    }

    [Fact]
    public async Task BuiltIn_MumbaiPickup_IsQuotedInRupeesRoundedToTenRupees()
    {
        // The Gateway of India to Juhu Beach: 12.2 miles, ₹50 + ₹30 × 12.2 = ₹416 → ₹420.
        var quote = await BuiltInQuoteAsync(new GeoPoint(18.9220, 72.8347), "juhu-beach");

        Assert.Equal("INR", quote.Price.Currency);
        Assert.Equal(0m, quote.Price.Amount % 10m);
        Assert.InRange(quote.Price.Amount, 400m, 440m);
    }

    [Fact]
    public async Task BuiltIn_CurrencyFollowsThePickup_NotTheDestination()
    {
        // A rider in Berlin going to a point the place search found (not a catalog place), and one whose pickup is an
        // address without coordinates in Berlin, are both in the Berlin market.
        var found = new Place("am-0123456789abcdef0123", "Friedrichstraße 43", "Friedrichstraße 43", new GeoPoint(52.5069, 13.3904), "Berlin", [])
        {
            Confidence = PlaceConfidence.Medium,
        };

        var fromPoint = await LocalFleet.BuiltIn.QuoteAsync(Pickup.AtGeolocation(new GeoPoint(52.5251, 13.3694)), found, RideType.Standard, Now, CancellationToken.None);
        var fromAddress = await LocalFleet.BuiltIn.QuoteAsync(Pickup.AtAddress("Unter den Linden 1", "Berlin"), found, RideType.Standard, Now, CancellationToken.None);

        Assert.Equal("EUR", fromPoint.Price.Currency);
        Assert.Equal("EUR", fromAddress.Price.Currency);
        Assert.Same(found, fromPoint.Destination);
    }

    [Fact]
    public async Task BuiltIn_SeattleRides_AreQuotedAndDrivenExactlyAsByTheSeattleTariffAlone()
    {
        var seattleOnly = new LocalFleet(FleetTariff.Standard);
        foreach (var place in PlaceCatalog.Default.All.Where(place => place.City == "Seattle"))
        {
            foreach (var rideType in new[] { RideType.Standard, RideType.Xl, RideType.Premium })
            {
                var expected = await seattleOnly.QuoteAsync(Pickup.AtGeolocation(Riders.Downtown), place, rideType, Now, CancellationToken.None);

                var quote = await LocalFleet.BuiltIn.QuoteAsync(Pickup.AtGeolocation(Riders.Downtown), place, rideType, Now, CancellationToken.None);

                Assert.Equal(expected, quote);
                Assert.Equal(
                    await seattleOnly.DispatchAsync(new RideOrder("bk-" + place.Id, expected, Rider), Now, CancellationToken.None),
                    await LocalFleet.BuiltIn.DispatchAsync(new RideOrder("bk-" + place.Id, quote, Rider), Now, CancellationToken.None));
            }
        }
    }

    [Fact]
    public async Task BuiltIn_SeattleTariffAndRoster_AreAsTheyWere()
    {
        var seattle = FleetTariff.Standard;

        Assert.Equal(("Seattle", "USD", 3.00m, 2.50m, 8.00m, 0.50m, 20d), (seattle.Market, seattle.Currency, seattle.BaseFare, seattle.PerMile, seattle.MinimumFare, seattle.FareIncrement, seattle.AverageSpeedMph));
        Assert.Equal(["Sam", "Priya", "Marco", "Aiko", "Jordan"], LocalFleet.DefaultRoster.Select(driver => driver.Name));
        Assert.Empty(seattle.Roster);
        var quote = await BuiltInQuoteAsync(Riders.Downtown, "space-needle");
        var dispatch = await LocalFleet.BuiltIn.DispatchAsync(new RideOrder("bk-1", quote, Rider), Now, CancellationToken.None);
        Assert.Contains(LocalFleet.DefaultRoster, driver => driver.Name == dispatch.DriverName);
    }

    [Theory]
    [InlineData(37.7749, -122.4194, "golden-gate-bridge")]
    [InlineData(40.7128, -74.0060, "statue-of-liberty")]
    [InlineData(45.5152, -122.6784, "pioneer-courthouse-square")]
    public async Task BuiltIn_OtherUsDepots_StillQuoteInDollars(double latitude, double longitude, string destination)
    {
        var quote = await BuiltInQuoteAsync(new GeoPoint(latitude, longitude), destination);

        Assert.Equal("USD", quote.Price.Currency);
    }

    [Fact]
    public async Task BuiltIn_Vancouver_IsInTheCanadianMarket()
    {
        var quote = await BuiltInQuoteAsync(new GeoPoint(49.2827, -123.1207), "stanley-park");

        Assert.Equal("CAD", quote.Price.Currency);
    }

    [Theory]
    [InlineData("London", "Oliver", "Amelia", "Harry", "Isla", "Mohammed")]
    [InlineData("Mumbai", "Rahul", "Ananya", "Vikram", "Sneha", "Arjun")]
    [InlineData("Berlin", "Lukas", "Anna", "Felix", "Lea", "Jonas")]
    public async Task BuiltIn_DriversComeFromTheRosterOfTheMarketTheRideStartsIn(string market, params string[] drivers)
    {
        var tariff = FleetTariff.Markets.Single(candidate => candidate.Market == market);
        var depot = tariff.Depots[0].Location;
        var destination = PlaceCatalog.Default.All.First(place => place.City == market);
        var names = new HashSet<string>();
        for (var ride = 0; ride < 20; ride++)
        {
            var quote = await LocalFleet.BuiltIn.QuoteAsync(Pickup.AtGeolocation(depot), destination, RideType.Standard, Now.AddMinutes(ride), CancellationToken.None);
            names.Add((await LocalFleet.BuiltIn.DispatchAsync(new RideOrder($"bk-{ride}", quote, Rider), Now.AddMinutes(ride), CancellationToken.None)).DriverName);
        }

        Assert.Subset(drivers.ToHashSet(), names);
    }

    [Fact]
    public async Task BuiltIn_PickupFarFromEveryDepot_IsUnavailable()
    {
        // Chicago: no market there.
        await Assert.ThrowsAsync<RideUnavailableException>(() => BuiltInQuoteAsync(new GeoPoint(41.8781, -87.6298), "space-needle"));
    }

    [Fact]
    public void BuiltIn_EveryCatalogPlaceOfAMarketsCity_IsQuotedFromItsDepotInItsCurrency()
    {
        var markets = FleetTariff.Markets.SelectMany(market => market.Depots.Select(depot => (market, depot))).ToList();
        Assert.All(PlaceCatalog.Default.All, place =>
        {
            var (market, depot) = markets.Single(served => served.depot.City == place.City);
            var quote = LocalFleet.BuiltIn.Price(Pickup.AtGeolocation(depot.Location), place, RideType.Standard, Now);
            Assert.Equal(market.Currency, quote.Price.Currency);
        });
    }

    [Fact]
    public void Markets_EachHaveACurrencyADepotAndADistinctRoster()
    {
        Assert.Equal(["USD", "GBP", "CAD", "AUD", "INR", "EUR"], FleetTariff.Markets.Select(market => market.Currency));
        Assert.All(FleetTariff.Markets, market =>
        {
            Assert.NotEmpty(market.Depots);
            Assert.True(market.MinimumFare > market.BaseFare, market.Market);
            Assert.True(market.FareIncrement > 0, market.Market);
            Assert.Equal(1.5m, market.FactorFor(RideType.Xl));
            Assert.Equal(2.0m, market.FactorFor(RideType.Premium));
        });
        Assert.Equal(5, FleetTariff.Markets.Count(market => market.Roster.Count == 5));
    }

    [Fact]
    public async Task London_StatusFeeAndCancel_AreTheLondonMarketsFromTheRideIdAlone()
    {
        var quote = await BuiltInQuoteAsync(new GeoPoint(51.5080, -0.1281), "tower-of-london");
        var dispatch = await LocalFleet.BuiltIn.DispatchAsync(new RideOrder("bk-london", quote, Rider), Now, CancellationToken.None);
        var pickup = Now + dispatch.DriverEta;

        var status = await new LocalFleet().StatusAsync(dispatch.RideId!, Now, CancellationToken.None);
        var fee = await LocalFleet.BuiltIn.CancellationFeeAsync(dispatch.RideId!, pickup, CancellationToken.None);
        var cancel = await LocalFleet.BuiltIn.CancelAsync(dispatch.RideId!, "cancel-london", fee, pickup, CancellationToken.None);

        Assert.Equal(dispatch.DriverName, status.Driver?.DriverName);
        Assert.Equal(new Money(FleetTariff.Markets.Single(market => market.Market == "London").CancellationFee, "GBP"), fee);
        Assert.Equal(new RideCancellation(RideStatus.RiderCanceled, fee), cancel);
    }
}
