using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Rides;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.WebConsole;

namespace RideHailer.Tests.DevHost.WebConsole;

/// <summary>A host whose skill books with the built-in fleet, its rides seconds long and moved by their durable timers.</summary>
public sealed class QuickFleetConsoleFixture : IAsyncLifetime
{
    private ConsoleHost? _host;

    internal ConsoleHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await ConsoleHost.StartAsync(configure: ConsoleRides.UseQuickFleet);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>A host run with <c>RideProvider:ServeSample=true</c>: the skill books with the sample provider over HTTP, with a random webhook secret.</summary>
public sealed class SampleProviderConsoleFixture : IAsyncLifetime
{
    private ConsoleHost? _host;

    internal ConsoleHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await ConsoleHost.StartAsync(new() { ["RideProvider:ServeSample"] = "true" });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>
/// The console's ride timeline on the built-in fleet: it appears with the booking, read from the ride orchestration's
/// custom status, and moves on the ride's own timers; there is no provider to play, and the panel says how to get one.
/// </summary>
public sealed class WebConsoleRideTimelineTests(QuickFleetConsoleFixture fixture) : IClassFixture<QuickFleetConsoleFixture>
{
    private readonly ConsoleHost _host = fixture.Host;

    [Fact]
    public async Task Timeline_AppearsWithTheBooking_AndAdvancesOnTheFleetsTimers()
    {
        var run = await _host.StartRunAsync(new { granted = true });
        var before = await _host.RidesAsync(run);
        Assert.Empty(before["rides"]!.AsArray());
        Assert.Null(before["current"]);

        run = await _host.BookedRunAsync();
        var booking = (string)(await _host.StateAsync(run))["bookings"]![0]!["idempotencyKey"]!;
        var booked = await _host.RidesAsync(run, booking);

        var ride = Assert.Single(booked["rides"]!.AsArray())!;
        Assert.Equal(booking, (string?)ride["bookingKey"]);
        Assert.Equal("trip-" + booking, (string?)ride["instanceId"]);
        Assert.Equal("accepted", (string?)ride["timeline"]![0]!["status"]);
        Assert.Equal("orchestration", (string?)ride["timeline"]![0]!["from"]);
        Assert.Equal(3, (int?)ride["timeline"]![0]!["pickupEtaSeconds"]);
        Assert.Equal(booking, (string?)booked["current"]!["bookingKey"]);

        JsonNode? done = null;
        await Signal.UntilAsync(
            async () => (bool)(done = await _host.RidesAsync(run, booking))["rides"]![0]!["ended"]!,
            "the ride's timeline reaches its end on the fleet's timers",
            TimeSpan.FromSeconds(60));
        var timeline = done!["rides"]![0]!["timeline"]!.AsArray();
        Assert.Equal(["accepted", "arriving", "in_progress", "completed"], timeline.Select(state => (string?)state!["status"]));
        Assert.All(timeline, state => Assert.Equal("orchestration", (string?)state!["from"]));
        Assert.Equal([1L, 2L, 3L, 4L], timeline.Select(state => (long)state!["sequence"]!));
        var since = timeline.Select(state => (DateTimeOffset)state!["since"]!).ToList();
        Assert.Equal(since.Order(), since);
        Assert.True(since[^1] - since[0] >= TimeSpan.FromSeconds(4.5), "completed before the driver's three seconds and the two-second trip");
        Assert.Contains("custom status", (string?)done["rides"]![0]!["source"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlayTheProvider_OnTheBuiltInFleet_Is409SayingToServeTheSampleProvider()
    {
        var run = await _host.BookedRunAsync();

        var rides = await _host.RidesAsync(run);
        var (status, answer) = await _host.PushAsync(run, new { status = "arriving" });

        Assert.False((bool)rides["provider"]!["canPlay"]!);
        Assert.Equal("BuiltIn", (string?)rides["provider"]!["kind"]);
        Assert.Contains("RideProvider:ServeSample=true", (string?)rides["provider"]!["note"], StringComparison.Ordinal);
        Assert.Equal(409, status);
        Assert.Contains("RideProvider:ServeSample=true", (string?)answer["error"], StringComparison.Ordinal);
    }
}

/// <summary>
/// Playing the provider with the sample provider served (<c>RideProvider:ServeSample=true</c>): each push is a signed POST
/// to the skill's own webhook, its status shown; the ride's timeline and "where is my ride" follow it.
/// </summary>
public sealed class WebConsolePlayProviderTests(SampleProviderConsoleFixture fixture) : IClassFixture<SampleProviderConsoleFixture>
{
    private readonly ConsoleHost _host = fixture.Host;

    [Fact]
    public async Task PushArriving_Is202_ShowsInTheTimeline_AndWhereIsMyRideSaysSoInALaterSession()
    {
        var run = await _host.BookedRunAsync();
        var rides = await _host.RidesAsync(run);
        Assert.True((bool)rides["provider"]!["canPlay"]!, (string?)rides["provider"]!["note"]);
        Assert.True((bool)rides["provider"]!["servesSample"]!);
        Assert.Equal([("accepted", "dispatch")], ConsoleRides.CurrentTimeline(rides));
        Assert.Equal(1, (long)rides["current"]!["nextSequence"]!);
        var booking = await StoredAsync((string)rides["current"]!["bookingKey"]!);
        var before = await _host.SayAsync(run, "ask ride hailer where my ride is");
        Assert.Contains(ConsoleRides.Speech(before), text => text.Contains("minutes away", StringComparison.Ordinal));

        var (status, pushed) = await _host.PushAsync(run, new { status = "arriving" });

        Assert.Equal(200, status);
        Assert.Equal(202, (int)pushed["webhookStatus"]!);
        Assert.Equal("arriving", (string?)pushed["status"]);
        Assert.Equal(1, (long)pushed["sequence"]!);
        Assert.Equal(booking.Dispatch.RideId, (string?)pushed["rideId"]);
        Assert.EndsWith("/api/rides/events", (string?)pushed["url"], StringComparison.Ordinal);
        Assert.StartsWith("sha256=", (string?)pushed["signature"], StringComparison.Ordinal);
        var body = JsonNode.Parse((string)pushed["body"]!)!;
        Assert.Equal(
            ["eventId", "rideId", "status", "pickupEtaSeconds", "driver", "sequence", "occurredAt"],
            body.AsObject().Select(member => member.Key));
        Assert.Equal(booking.Dispatch.DriverName, (string?)body["driver"]!["name"]);
        await Signal.UntilAsync(
            async () => ConsoleRides.CurrentTimeline(await _host.RidesAsync(run)).Contains(("arriving", "orchestration")),
            "the ride's timeline shows the pushed arriving");
        await Signal.UntilAsync(
            async () => (await StoredAsync(booking.IdempotencyKey)).Progress?.Status == RideStatus.Arriving, "the bookings table records arriving");

        var where = await _host.SayAsync(run, "ask ride hailer where my ride is");

        Assert.Contains($"{booking.Dispatch.DriverName} is arriving now.", ConsoleRides.Speech(where));
        var after = await _host.RidesAsync(run);
        Assert.Equal([("accepted", "dispatch"), ("arriving", "orchestration")], ConsoleRides.CurrentTimeline(after));
        Assert.Equal(2, (long)after["current"]!["nextSequence"]!);
        Assert.True((bool)after["current"]!["canSendAgain"]!);
    }

    [Fact]
    public async Task RepeatedPushes_AreHarmless_TheSameEventAgainIs200_TheSameStateAgainChangesNoState()
    {
        var run = await _host.BookedRunAsync();
        var (_, first) = await _host.PushAsync(run, new { status = "arriving" });
        Assert.Equal(202, (int)first["webhookStatus"]!);

        var (againStatus, again) = await _host.PushAsync(run, new { again = true });
        var (_, secondArriving) = await _host.PushAsync(run, new { status = "arriving" });
        var (_, inCar) = await _host.PushAsync(run, new { status = "in_progress" });

        Assert.Equal(200, againStatus);
        Assert.Equal(200, (int)again["webhookStatus"]!);
        Assert.Equal((string?)first["eventId"], (string?)again["eventId"]);
        Assert.Equal((string?)first["body"], (string?)again["body"]);
        Assert.Equal(202, (int)secondArriving["webhookStatus"]!);
        Assert.Equal(2, (long)secondArriving["sequence"]!);
        Assert.Equal(3, (long)inCar["sequence"]!);
        await Signal.UntilAsync(
            async () => ConsoleRides.CurrentTimeline(await _host.RidesAsync(run)).Contains(("in_progress", "orchestration")),
            "the ride's timeline shows in_progress");
        Assert.Equal(
            [("accepted", "dispatch"), ("arriving", "orchestration"), ("in_progress", "orchestration")],
            ConsoleRides.CurrentTimeline(await _host.RidesAsync(run)));
    }

    [Fact]
    public async Task TheEnds_DriverCanceledAndAfterIt_ChangeTheRideOnce()
    {
        var run = await _host.BookedRunAsync();

        var (_, canceled) = await _host.PushAsync(run, new { status = "driver_canceled" });
        await Signal.UntilAsync(async () => (bool)(await _host.RidesAsync(run))["current"]!["ended"]!, "the ride ended");
        var (_, late) = await _host.PushAsync(run, new { status = "completed" });
        var where = await _host.SayAsync(run, "ask ride hailer where my ride is");

        Assert.Equal(202, (int)canceled["webhookStatus"]!);
        Assert.Null(JsonNode.Parse((string)canceled["body"]!)!["pickupEtaSeconds"]);
        // The webhook takes an event for a ride it knows; the ride that ended stays as it ended.
        Assert.Equal(202, (int)late["webhookStatus"]!);
        Assert.Contains("Your last ride was cancelled.", ConsoleRides.Speech(where));
        Assert.Equal([("accepted", "dispatch"), ("driver_canceled", "orchestration")], ConsoleRides.CurrentTimeline(await _host.RidesAsync(run)));
    }

    [Fact]
    public async Task NoDriversAvailable_IsSentWithoutADriver()
    {
        var run = await _host.BookedRunAsync();

        var (_, pushed) = await _host.PushAsync(run, new { status = "no_drivers_available" });

        Assert.Equal(202, (int)pushed["webhookStatus"]!);
        var body = JsonNode.Parse((string)pushed["body"]!)!.AsObject();
        Assert.True(body.ContainsKey("driver"));
        Assert.Null(body["driver"]);
        await Signal.UntilAsync(
            async () => ConsoleRides.CurrentTimeline(await _host.RidesAsync(run)).Contains(("no_drivers_available", "orchestration")),
            "the ride's timeline shows no_drivers_available");
    }

    [Fact]
    public async Task ABadSignatureIs401_AnUnknownRideIs404_AndNeitherChangesTheRide()
    {
        var run = await _host.BookedRunAsync();

        var (_, forged) = await _host.PushAsync(run, new { status = "completed", tamper = "signature" });
        var (_, stranger) = await _host.PushAsync(run, new { status = "completed", tamper = "ride" });
        var rides = await _host.RidesAsync(run);

        Assert.Equal(401, (int)forged["webhookStatus"]!);
        Assert.Equal("invalid_signature", (string?)forged["webhookError"]);
        Assert.Equal(404, (int)stranger["webhookStatus"]!);
        Assert.Equal("unknown_ride", (string?)stranger["webhookError"]);
        Assert.Equal([("accepted", "dispatch")], ConsoleRides.CurrentTimeline(rides));
        // Neither was the ride's event: there is nothing to send again, and the next sequence is still the first.
        Assert.False((bool)rides["current"]!["canSendAgain"]!);
        Assert.Equal(1, (long)rides["current"]!["nextSequence"]!);
    }

    [Fact]
    public async Task APush_ForARiderWithNoRide_Is404SayingToBookOne()
    {
        var run = await _host.StartRunAsync();

        var (status, answer) = await _host.PushAsync(run, new { status = "arriving" });

        Assert.Equal(404, status);
        Assert.Contains("no ride", (string?)answer["error"], StringComparison.Ordinal);
        Assert.Contains("book one first", (string?)answer["error"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"status":"teleported"}""", "arriving, in_progress, completed, driver_canceled, no_drivers_available")]
    [InlineData("""{"status":"accepted"}""", "not a state the console pushes")]
    [InlineData("""{}""", "{\"status\":\"arriving\"}")]
    [InlineData("""{"status":"arriving","tamper":"clock"}""", "no way to tamper")]
    [InlineData("""{"status":42}""", "not the JSON this call takes")]
    public async Task APush_TheConsoleCannotMake_Is400WithTheReason(string body, string reason)
    {
        var run = await _host.StartRunAsync();

        var (status, answer) = await _host.PostRawAsync($"console/api/runs/{run}/rides/events", body);

        Assert.Equal(400, status);
        Assert.Contains(reason, (string?)JsonNode.Parse(answer)!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameEventAgain_BeforeAnyPush_Is409()
    {
        var run = await _host.BookedRunAsync();

        var (status, answer) = await _host.PushAsync(run, new { again = true });

        Assert.Equal(409, status);
        Assert.Contains("push one first", (string?)answer["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWebhookSecret_NeverReachesThePage()
    {
        var secret = _host.Services.GetRequiredService<IOptions<RideProviderOptions>>().Value.WebhookSecret;
        Assert.False(string.IsNullOrEmpty(secret));
        var run = await _host.BookedRunAsync();

        var (_, pushed) = await _host.PushAsync(run, new { status = "arriving" });
        var rides = await _host.RidesAsync(run);

        Assert.Equal(202, (int)pushed["webhookStatus"]!);
        Assert.DoesNotContain(secret, pushed.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, rides.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APush_WithoutTheConsolesSecret_Is403()
    {
        var run = await _host.BookedRunAsync();
        using var anonymous = new HttpClient { BaseAddress = _host.Address };
        using var content = new StringContent("""{"status":"completed"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await anonymous.PostAsync(new Uri($"console/api/runs/{run}/rides/events", UriKind.Relative), content);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal([("accepted", "dispatch")], ConsoleRides.CurrentTimeline(await _host.RidesAsync(run)));
    }

    [Fact]
    public async Task RidesOfAnUnknownRun_Are404()
    {
        using var response = await _host.Http.GetAsync(new Uri("console/api/runs/nope/rides", UriKind.Relative));

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task AnotherRidersBooking_IsNotShownWhateverThePageAsks()
    {
        var booked = await _host.BookedRunAsync();
        var key = (string)(await _host.RidesAsync(booked))["current"]!["bookingKey"]!;
        var other = await _host.StartRunAsync();

        var rides = await _host.RidesAsync(other, key);

        Assert.Empty(rides["rides"]!.AsArray());
    }

    private async Task<Booking> StoredAsync(string key) =>
        await _host.Services.GetRequiredService<IBookingStore>().FindAsync(key, CancellationToken.None)
        ?? throw new InvalidOperationException("No such booking.");
}
