using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Workflow;

namespace RideHailer.Tests.Support.WebConsole;

/// <summary>The console's ride panel as the page calls it: timelines, pushed provider events, and a booking to have a ride.</summary>
internal static class ConsoleRides
{
    /// <summary>Books a ride to the Space Needle in a new run whose rider granted the permissions in the app; the run's id.</summary>
    public static async Task<string> BookedRunAsync(this ConsoleHost host)
    {
        var run = await host.StartRunAsync(new { granted = true });
        await host.SayAsync(run, "open ride hailer");
        await host.SayAsync(run, "the space needle");
        Assert.Equal("pin", (string?)(await host.SayAsync(run, "yes"))["awaiting"]?["kind"]);
        var booked = await host.AnswerAsync(run, "achieved");
        Assert.Contains(booked["transcript"]!.AsArray(), entry => ((string?)entry!["text"])?.StartsWith("Great.", StringComparison.Ordinal) == true);
        return run;
    }

    /// <summary>The ride panel's read, with the bookings the page shows (<paramref name="bookings"/>).</summary>
    public static async Task<JsonNode> RidesAsync(this ConsoleHost host, string run, params string[] bookings)
    {
        var query = string.Join("&", bookings.Select(key => "booking=" + Uri.EscapeDataString(key)));
        using var response = await host.Http.GetAsync(new Uri($"console/api/runs/{run}/rides{(query.Length == 0 ? "" : "?" + query)}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Pushes what <paramref name="body"/> asks for; the console API's status and answer.</summary>
    public static async Task<(int Status, JsonNode Answer)> PushAsync(this ConsoleHost host, string run, object body)
    {
        var (status, answer) = await host.PostRawAsync($"console/api/runs/{run}/rides/events", JsonSerializer.Serialize(body));
        return (status, JsonNode.Parse(answer)!);
    }

    /// <summary>The states of the current ride's timeline, as (status, from).</summary>
    public static IReadOnlyList<(string? Status, string? From)> CurrentTimeline(JsonNode rides)
    {
        var key = (string?)rides["current"]?["bookingKey"];
        var ride = rides["rides"]!.AsArray().Single(ride => (string?)ride!["bookingKey"] == key)!;
        return [.. ride["timeline"]!.AsArray().Select(state => ((string?)state!["status"], (string?)state["from"]))];
    }

    /// <summary>Alexa's speech in a turn's transcript.</summary>
    public static IEnumerable<string> Speech(JsonNode turn) =>
        turn["transcript"]!.AsArray().Where(entry => (string?)entry!["kind"] == "alexa").Select(entry => (string)entry!["text"]!);

    /// <summary>
    /// The built-in fleet with a driver three seconds away and a two-second trip, still moved by the ride's durable timers
    /// (<see cref="RideReporting.OnFleetTimers"/>): its ride goes from accepted to completed within a test.
    /// </summary>
    public static void UseQuickFleet(IServiceCollection services)
    {
        services.AddSingleton<IRideProvider>(new QuickFleet(LocalFleet.BuiltIn));
        services.AddSingleton(new RideReporting(OnFleetTimers: true));
    }

    private sealed class QuickFleet(IRideProvider fleet) : IRideProvider
    {
        public async Task<Quote> QuoteAsync(Pickup pickup, Place destination, RideType rideType, DateTimeOffset now, CancellationToken cancellationToken) =>
            await fleet.QuoteAsync(pickup, destination, rideType, now, cancellationToken) with { TripTime = TimeSpan.FromSeconds(2) };

        public async Task<Dispatch> DispatchAsync(RideOrder order, DateTimeOffset now, CancellationToken cancellationToken) =>
            await fleet.DispatchAsync(order, now, cancellationToken) with { DriverEta = TimeSpan.FromSeconds(3) };

        public Task<RideProgress> StatusAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken) =>
            fleet.StatusAsync(rideId, now, cancellationToken);

        public Task<Money?> CancellationFeeAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken) =>
            fleet.CancellationFeeAsync(rideId, now, cancellationToken);

        public Task<RideCancellation> CancelAsync(string rideId, string idempotencyKey, Money? confirmedFee, DateTimeOffset now, CancellationToken cancellationToken) =>
            fleet.CancelAsync(rideId, idempotencyKey, confirmedFee, now, cancellationToken);
    }
}
