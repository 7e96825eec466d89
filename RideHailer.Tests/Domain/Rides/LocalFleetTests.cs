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
}
