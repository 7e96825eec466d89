using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Rides.Http;
using RideHailer.Skill.Telemetry;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Rides;

namespace RideHailer.Tests.Rides;

/// <summary>
/// The HTTP adapter (<c>RideProvider:Kind=Http</c>) against the DevHost's sample provider, which serves the built-in
/// fleet over the contract, and against stand-ins that are down, slow, failing or refusing an expired quote.
/// </summary>
public sealed class HttpRideProviderTests
{
    private static readonly Pickup Downtown = Pickup.AtGeolocation(Riders.Downtown);

    /// <summary>Some miles from the fleet's Seattle depot, so the driver starts further off than the fee window.</summary>
    private static readonly Pickup Fremont = Pickup.AtGeolocation(new GeoPoint(47.6615, -122.3500));
    private static readonly Passenger Jane = new("rider-1", null, "Jane", "+12065550123");

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    [Fact]
    public async Task SampleProvider_QuotesAndDispatchesAsTheBuiltInFleetDoes_ARepeatedKeyIsTheSameRide()
    {
        await using var sample = await ProviderStandIn.SampleAsync();
        using var http = new HttpProviders(sample.BaseUrl);

        var quote = await http.Provider.QuoteAsync(Downtown, Quotes.SpaceNeedlePlace, RideType.Xl, Now, CancellationToken.None);
        var dispatch = await http.Provider.DispatchAsync(new RideOrder("bk-first", quote, Jane), Now, CancellationToken.None);
        var again = await http.Provider.DispatchAsync(new RideOrder("bk-first", quote, Jane), Now, CancellationToken.None);

        var fleet = new LocalFleet(FleetTariff.Standard);
        var local = await fleet.QuoteAsync(Downtown, Quotes.SpaceNeedlePlace, RideType.Xl, Now, CancellationToken.None);
        Assert.Equal(local.Price, quote.Price);
        Assert.Equal(local.PickupEta, quote.PickupEta);
        Assert.Equal(local.TripTime, quote.TripTime);
        Assert.Equal(RideType.Xl, quote.RideType);
        Assert.Contains(LocalFleet.DefaultRoster, driver => driver.Name == dispatch.DriverName && driver.Car == dispatch.Car && driver.LicensePlate == dispatch.LicensePlate);
        Assert.False(string.IsNullOrEmpty(dispatch.RideId));
        Assert.Equal(dispatch, again);
        Assert.Equal([201, 200], DispatchStatuses(sample));
    }

    [Fact]
    public async Task SampleProvider_EveryCallCarriesTheBearerKey_TheFirstDispatchItsIdempotencyKey_ExactlyTheContractsPaths()
    {
        await using var sample = await ProviderStandIn.SampleAsync();
        using var http = new HttpProviders(sample.BaseUrl);

        var quote = await http.Provider.QuoteAsync(Fremont, Quotes.SpaceNeedlePlace, RideType.Standard, Now, CancellationToken.None);
        var dispatch = await http.Provider.DispatchAsync(new RideOrder("bk-headers", quote, Jane), Now, CancellationToken.None);
        await http.Provider.StatusAsync(dispatch.RideId!, Now, CancellationToken.None);
        await http.Provider.CancellationFeeAsync(dispatch.RideId!, Now, CancellationToken.None);
        await http.Provider.CancelAsync(dispatch.RideId!, "cx-headers", null, Now, CancellationToken.None);

        var seen = sample.Seen.ToList();
        var ride = "/sample-provider/v1/rides/" + dispatch.RideId;
        Assert.Equal(
            [("POST", "/sample-provider/v1/quotes"), ("POST", "/sample-provider/v1/rides"), ("GET", ride), ("GET", ride + "/cancel-fee"), ("POST", ride + "/cancel")],
            seen.Select(request => (request.Method, request.Path)));
        Assert.All(seen, request => Assert.Equal("Bearer " + ProviderStandIn.ApiKey, request.Authorization));
        Assert.All(seen, request => Assert.Equal("", request.Query));
        Assert.Equal("bk-headers", seen[1].IdempotencyKey);
        Assert.Equal("cx-headers", seen[4].IdempotencyKey);
        Assert.All(seen.Where(request => request.Method == "GET"), request => Assert.Null(request.IdempotencyKey));
    }

    [Fact]
    public async Task SampleProvider_TheRideMovesWithTime_AFeeOnceTheDriverIsClose_ACancelChargesTheConfirmedFee()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sample = await ProviderStandIn.SampleAsync(time);
        using var http = new HttpProviders(sample.BaseUrl);
        var quote = await http.Provider.QuoteAsync(Fremont, Quotes.SpaceNeedlePlace, RideType.Standard, Now, CancellationToken.None);
        var dispatch = await http.Provider.DispatchAsync(new RideOrder("bk-moves", quote, Jane), Now, CancellationToken.None);
        var ride = dispatch.RideId!;
        Assert.True(dispatch.DriverEta > SampleRideFeeWindow, "the fleet's driver starts further off than the fee window");

        var accepted = await http.Provider.StatusAsync(ride, Now, CancellationToken.None);
        var freeToCancel = await http.Provider.CancellationFeeAsync(ride, Now, CancellationToken.None);
        time.Advance(dispatch.DriverEta - TimeSpan.FromSeconds(59));
        var arriving = await http.Provider.StatusAsync(ride, Now, CancellationToken.None);
        var fee = await http.Provider.CancellationFeeAsync(ride, Now, CancellationToken.None);
        var cancelled = await http.Provider.CancelAsync(ride, "cx-1", fee, Now, CancellationToken.None);
        var cancelledAgain = await http.Provider.CancelAsync(ride, "cx-1", fee, Now, CancellationToken.None);
        var after = await http.Provider.StatusAsync(ride, Now, CancellationToken.None);

        Assert.Equal((RideStatus.Accepted, 1L, dispatch.DriverName), (accepted.Status, accepted.Sequence, accepted.Driver?.DriverName));
        Assert.Equal(dispatch.DriverEta, accepted.PickupEta);
        Assert.Null(freeToCancel);
        Assert.Equal((RideStatus.Arriving, 2L), (arriving.Status, arriving.Sequence));
        Assert.Equal(new Money(5.00m, quote.Price.Currency), fee);
        Assert.Equal(new RideCancellation(RideStatus.RiderCanceled, fee), cancelled);
        Assert.Equal(cancelled, cancelledAgain);
        Assert.Equal(RideStatus.RiderCanceled, after.Status);
        Assert.True(after.Sequence > arriving.Sequence);
    }

    [Fact]
    public async Task SampleProvider_InProgressAtTheEta_CompletedAfterTheTrip()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sample = await ProviderStandIn.SampleAsync(time);
        using var http = new HttpProviders(sample.BaseUrl);
        var quote = await http.Provider.QuoteAsync(Downtown, Quotes.SpaceNeedlePlace, RideType.Standard, Now, CancellationToken.None);
        var dispatch = await http.Provider.DispatchAsync(new RideOrder("bk-trip", quote, Jane), Now, CancellationToken.None);

        time.Advance(dispatch.DriverEta);
        var riding = await http.Provider.StatusAsync(dispatch.RideId!, Now, CancellationToken.None);
        time.Advance(quote.TripTime!.Value);
        var done = await http.Provider.StatusAsync(dispatch.RideId!, Now, CancellationToken.None);
        var tooLate = await http.Provider.CancelAsync(dispatch.RideId!, "cx-late", null, Now, CancellationToken.None);

        Assert.Equal((RideStatus.InProgress, 3L), (riding.Status, riding.Sequence));
        Assert.Equal((RideStatus.Completed, 4L), (done.Status, done.Sequence));
        Assert.Equal(new RideCancellation(RideStatus.Completed, null), tooLate);
    }

    [Fact]
    public async Task SampleProvider_AnExpiredQuote_Is409QuoteExpired_AndNothingIsDispatched()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sample = await ProviderStandIn.SampleAsync(time);
        using var http = new HttpProviders(sample.BaseUrl);
        var quote = await http.Provider.QuoteAsync(Downtown, Quotes.SpaceNeedlePlace, RideType.Standard, Now, CancellationToken.None);

        time.Advance(FleetTariff.Standard.QuoteValidity);

        await Assert.ThrowsAsync<QuoteExpiredException>(() =>
            http.Provider.DispatchAsync(new RideOrder("bk-expired", quote, Jane), Now, CancellationToken.None));
        Assert.Equal([409], DispatchStatuses(sample));
    }

    [Fact]
    public async Task SampleProvider_AWrongKey_IsRefusedNotUnreachable()
    {
        await using var sample = await ProviderStandIn.SampleAsync();
        using var http = new HttpProviders(sample.BaseUrl, apiKey: "not-the-key");

        await Assert.ThrowsAsync<RideUnavailableException>(() =>
            http.Provider.QuoteAsync(Downtown, Quotes.SpaceNeedlePlace, RideType.Standard, Now, CancellationToken.None));
    }

    [Fact]
    public async Task ProviderDown_ConnectionRefused_IsUnreachable_AndCounted()
    {
        using var http = new HttpProviders($"http://127.0.0.1:{ClosedPort()}");
        using var unreachable = new MetricCollector<long>(http.Meters, RideHailerMetrics.MeterName, RideHailerMetrics.RideProviderUnreachableName);

        await Assert.ThrowsAsync<RideServiceUnreachableException>(() =>
            http.Provider.QuoteAsync(Downtown, Quotes.SpaceNeedlePlace, RideType.Standard, Now, CancellationToken.None));
        await Assert.ThrowsAsync<RideServiceUnreachableException>(() =>
            http.Provider.DispatchAsync(new RideOrder("bk-down", Quotes.SpaceNeedle(Now), Jane), Now, CancellationToken.None));

        Assert.Equal(["quote", "dispatch"], unreachable.GetMeasurementSnapshot().Select(measurement => (string?)measurement.Tags[MetricTags.Call]));
    }

    [Fact]
    public async Task ProviderSlow_BeyondTheTimeout_IsUnreachable_AndADispatchIsSentOnce()
    {
        var received = 0;
        await using var slow = await ProviderStandIn.AnsweringAsync(async context =>
        {
            Interlocked.Increment(ref received);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        using var http = new HttpProviders(slow.BaseUrl);

        await Assert.ThrowsAsync<RideServiceUnreachableException>(() =>
            http.Provider.DispatchAsync(new RideOrder("bk-slow", Quotes.SpaceNeedle(Now), Jane), Now, CancellationToken.None));

        Assert.Equal(1, Volatile.Read(ref received));
    }

    [Fact]
    public async Task Provider500_IsUnreachable_AQuoteIsRetriedOnce_ADispatchNever()
    {
        await using var failing = await ProviderStandIn.AnsweringAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });
        using var http = new HttpProviders(failing.BaseUrl);

        await Assert.ThrowsAsync<RideServiceUnreachableException>(() =>
            http.Provider.QuoteAsync(Downtown, Quotes.SpaceNeedlePlace, RideType.Standard, Now, CancellationToken.None));
        await Assert.ThrowsAsync<RideServiceUnreachableException>(() =>
            http.Provider.DispatchAsync(new RideOrder("bk-500", Quotes.SpaceNeedle(Now), Jane), Now, CancellationToken.None));

        Assert.Equal(["/v1/quotes", "/v1/quotes", "/v1/rides"], failing.Seen.Select(request => request.Path));
        Assert.Equal("bk-500", failing.Seen.Last().IdempotencyKey);
    }

    [Fact]
    public async Task Provider409QuoteExpired_OnDispatch_IsQuoteExpired()
    {
        await using var expired = await ProviderStandIn.AnsweringAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            await context.Response.WriteAsJsonAsync(new WireError(RideProviderContract.QuoteExpiredError), RideProviderJsonContext.Default.WireError);
        });
        using var http = new HttpProviders(expired.BaseUrl);

        await Assert.ThrowsAsync<QuoteExpiredException>(() =>
            http.Provider.DispatchAsync(new RideOrder("bk-409", Quotes.SpaceNeedle(Now), Jane), Now, CancellationToken.None));
        Assert.Single(expired.Seen);
    }

    [Fact]
    public async Task ProviderBackAfterAnOutageThatOpenedTheBreaker_IsUsedAgainForTheNextRider()
    {
        var healthy = false;
        await using var sample = await ProviderStandIn.SampleAsync();
        await using var flaky = await ProviderStandIn.AnsweringAsync(async context =>
        {
            if (!Volatile.Read(ref healthy))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            // Back: the same answer the sample provider gives.
            using var client = new HttpClient();
            using var forward = new HttpRequestMessage(HttpMethod.Post, sample.BaseUrl + "/v1/quotes") { Content = new StreamContent(context.Request.Body) };
            forward.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
            forward.Content.Headers.ContentType = new("application/json");
            using var answer = await client.SendAsync(forward);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = "application/json";
            await answer.Content.CopyToAsync(context.Response.Body);
        });
        using var http = new HttpProviders(flaky.BaseUrl);
        for (var rider = 0; rider < HttpRideProviderServiceCollectionExtensions.BreakerMinimumThroughput; rider++)
        {
            await Assert.ThrowsAsync<RideServiceUnreachableException>(() =>
                http.Provider.QuoteAsync(Downtown, Quotes.SpaceNeedlePlace, RideType.Standard, Now, CancellationToken.None));
        }

        var attemptsDuringOutage = flaky.Seen.Count;
        Volatile.Write(ref healthy, true);
        // The next rider's quote comes a turn later at the earliest: a turn is longer than the breaker's break. On a busy
        // machine the breaker's one trial may itself time out and open it again for another break, so a rider or two
        // later (never a shut-out that outlasts a few breaks) the quote goes through.
        Quote? quote = null;
        for (var rider = 0; rider < 5 && quote is null; rider++)
        {
            await Task.Delay(HttpRideProviderServiceCollectionExtensions.BreakDuration);
            try
            {
                quote = await http.Provider.QuoteAsync(Downtown, Quotes.SpaceNeedlePlace, RideType.Standard, Now, CancellationToken.None);
            }
            catch (RideServiceUnreachableException) when (rider < 4)
            {
            }
        }

        Assert.True(attemptsDuringOutage < 2 * HttpRideProviderServiceCollectionExtensions.BreakerMinimumThroughput, "the breaker opened during the outage");
        Assert.Equal("USD", quote!.Price.Currency);
    }

    private static readonly TimeSpan SampleRideFeeWindow = TimeSpan.FromMinutes(2);

    private static int[] DispatchStatuses(ProviderStandIn sample) =>
        [.. sample.Seen.Where(request => request.Path.EndsWith("/v1/rides", StringComparison.Ordinal)).Select(request => request.Status)];

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
