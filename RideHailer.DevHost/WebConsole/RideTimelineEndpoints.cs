using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using RideHailer.DevHost.SampleProvider;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Alexa.Enrich;
using RideHailer.Skill.RideEvents;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// The console's ride panel, under the console's API group (so behind its page check):
/// <list type="bullet">
/// <item><c>GET /console/api/runs/{id}/rides?booking=…</c>: each ride's timeline (the ride orchestration's custom status,
/// <see cref="RideHistory"/>, else the bookings table), for the rider's latest ride and the bookings the page shows.</item>
/// <item><c>POST /console/api/runs/{id}/rides/events</c>: plays the provider for the latest ride. The event is a real
/// signed POST to this host's own <c>/api/rides/events</c> (<see cref="ConsoleProviderPlayer"/>); the answer is the
/// webhook's status. Only an HTTP provider's rides take events: on the built-in fleet it is a 409 saying how to get one
/// (<c>RideProvider:ServeSample=true</c>).</item>
/// </list>
/// </summary>
internal static class RideTimelineEndpoints
{
    /// <summary>At most this many bookings' timelines per read: the page shows a run's bookings, a handful.</summary>
    private const int MaxBookings = 20;

    private const string HttpClientName = "RideHailer.WebConsole.Provider";

    /// <summary>Maps the two calls on the console's API group.</summary>
    public static IEndpointRouteBuilder MapRideTimeline(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        // One player for the host's life: it remembers the last event pushed per ride.
        var player = new ConsoleProviderPlayer();
        api.MapGet("/runs/{id}/rides", (string id, [FromQuery(Name = "booking")] string[]? booking, HttpContext context) =>
            ReadAsync(id, booking ?? [], player, context));
        api.MapPost("/runs/{id}/rides/events", (string id, HttpContext context) => PushAsync(id, player, context));
        return api;
    }

    private static async Task<IResult> ReadAsync(string id, string[] keys, ConsoleProviderPlayer player, HttpContext context)
    {
        var services = context.RequestServices;
        if (services.GetRequiredService<ConsoleRuns>().Find(id) is not { } run)
        {
            return UnknownRun(id);
        }

        var ct = context.RequestAborted;
        var provider = Provider(services);
        var errors = new List<string>();
        var rides = new List<RideView>();
        CurrentRideView? current = null;
        try
        {
            var riderId = await RiderIdAsync(run, services, ct);
            var bookings = await BookingsAsync(riderId, keys, services, ct);
            foreach (var booking in bookings.All)
            {
                rides.Add(await TimelineAsync(booking, services, ct));
            }

            current = bookings.Current is { } latest ? CurrentOf(latest, rides.Single(ride => ride.BookingKey == latest.IdempotencyKey), player) : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            errors.Add($"The rides could not be read: {exception.Message}");
        }

        return Results.Ok(new RidesView(provider, current, rides, errors.Count == 0 ? null : string.Join(" ", errors)));
    }

    private static async Task<IResult> PushAsync(string id, ConsoleProviderPlayer player, HttpContext context)
    {
        var services = context.RequestServices;
        if (services.GetRequiredService<ConsoleRuns>().Find(id) is not { } run)
        {
            return UnknownRun(id);
        }

        var ct = context.RequestAborted;
        RidePushRequest? request;
        try
        {
            request = context.Request.ContentLength == 0 ? null : await context.Request.ReadFromJsonAsync<RidePushRequest>(ct);
        }
        catch (JsonException malformed)
        {
            return Results.BadRequest(new ConsoleError($"The body is not the JSON this call takes: {malformed.Message}"));
        }

        var names = string.Join(", ", ConsoleProviderPlayer.Pushable.Select(ConsoleProviderPlayer.WireName));
        if (request is null || (!request.Again && request.Status is null))
        {
            return Results.BadRequest(new ConsoleError($"Say what the provider reports: {{\"status\":\"arriving\"}} (one of {names}), or {{\"again\":true}} for the last event again."));
        }

        var status = ConsoleProviderPlayer.Pushable.Where(pushable => ConsoleProviderPlayer.WireName(pushable) == request.Status).Cast<RideStatus?>().SingleOrDefault();
        if (!request.Again && status is null)
        {
            return Results.BadRequest(new ConsoleError($"'{request.Status}' is not a state the console pushes; push one of {names}."));
        }

        if (request.Tamper is not (null or ConsoleProviderPlayer.TamperSignature or ConsoleProviderPlayer.TamperRide))
        {
            return Results.BadRequest(new ConsoleError($"'{request.Tamper}' is no way to tamper with an event; use \"{ConsoleProviderPlayer.TamperSignature}\" or \"{ConsoleProviderPlayer.TamperRide}\"."));
        }

        var provider = Provider(services);
        var secret = services.GetRequiredService<IOptions<RideProviderOptions>>().Value.WebhookSecret;
        if (!provider.CanPlay || string.IsNullOrEmpty(secret))
        {
            return Conflict(provider.Note);
        }

        var riderId = await RiderIdAsync(run, services, ct);
        if (riderId is null || await services.GetRequiredService<IBookingStore>().FindLatestAsync(riderId, ct) is not { } ride)
        {
            return Results.NotFound(new ConsoleError(
                "This rider has no ride to play the provider for: book one first (\"open ride hailer\", a destination, yes, the PIN), then push its events."));
        }

        if (ride.Dispatch.RideId is null)
        {
            return Conflict($"The ride to {ride.Quote.Destination.Name} has no provider ride id (it was booked before rides had one): no event can name it.");
        }

        var timeline = await TimelineAsync(ride, services, ct);
        var time = services.GetRequiredService<TimeProvider>();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        http.Timeout = services.GetRequiredService<IOptions<WebConsoleOptions>>().Value.SkillTimeout;
        var webhook = new Uri(services.GetRequiredService<ConsoleRuns>().SkillEndpoint, "/" + RideEventsHttpEndpoint.Route);
        try
        {
            var pushed = await player.PushAsync(http, webhook, secret, ride, timeline.KnownSequence, request, status ?? RideStatus.Arriving, time.GetUtcNow(), ct);
            return pushed is null
                ? Conflict($"No event was pushed for the ride to {ride.Quote.Destination.Name} from this console yet: push one first, then send it again.")
                : Results.Ok(pushed);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return Results.Json(
                new ConsoleError($"The skill's webhook at {webhook} did not answer: {exception.Message}"), statusCode: StatusCodes.Status502BadGateway);
        }
    }

    /// <summary>Whether the console can play the skill's provider, and what the panel says about it.</summary>
    private static ProviderPanelView Provider(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RideProviderOptions>>().Value;
        var servesSample = SampleProviderServiceCollectionExtensions.IsServed(services.GetRequiredService<IConfiguration>());
        var onTimers = services.GetRequiredService<RideReporting>().OnFleetTimers;
        var hasSecret = !string.IsNullOrEmpty(options.WebhookSecret);
        var webhook = "POST /" + RideEventsHttpEndpoint.Route;
        var note = onTimers
            ? "The skill books with the built-in fleet (RideProvider:Kind=BuiltIn): its rides move on their own durable timers and take no "
              + "provider events, so there is no provider to play here; the timelines above move by themselves. To push events, start "
              + "the DevHost with RideProvider:ServeSample=true: it then books with the sample provider over HTTP, whose rides move "
              + $"only on the events posted to {webhook}."
            : !hasSecret
                ? $"No RideProvider:WebhookSecret is set, so the skill's webhook ({webhook}) refuses every event: set one to play the provider."
                : servesSample
                    ? "The skill books with the DevHost's sample provider over HTTP (RideProvider:ServeSample=true), which posts no events "
                      + $"itself: its rides move when you push one. Each button posts a new event for the rider's latest ride to {webhook}, "
                      + "signed with RideProvider:WebhookSecret as the provider signs it, with the next sequence number and a fresh eventId."
                    : $"The skill books with the HTTP provider at {options.BaseUrl}. Each button posts a new event for the rider's latest "
                      + $"ride to {webhook} as that provider would, signed with RideProvider:WebhookSecret.";
        return new ProviderPanelView(options.Kind.ToString(), servesSample, !onTimers && hasSecret, note, webhook);
    }

    private static async Task<string?> RiderIdAsync(ConsoleRun run, IServiceProvider services, CancellationToken ct) =>
        run.LinkedAccount is { } account ? await services.GetRequiredService<IRiderIdentity>().ResolveRiderIdAsync(account, ct) : null;

    /// <summary>The rider's latest booking, and it with each of <paramref name="keys"/> that is the rider's, newest first.</summary>
    private static async Task<(Booking? Current, IReadOnlyList<Booking> All)> BookingsAsync(
        string? riderId, string[] keys, IServiceProvider services, CancellationToken ct)
    {
        if (riderId is null)
        {
            return (null, []);
        }

        var store = services.GetRequiredService<IBookingStore>();
        var current = await store.FindLatestAsync(riderId, ct);
        var found = new Dictionary<string, Booking>(StringComparer.Ordinal);
        if (current is not null)
        {
            found[current.IdempotencyKey] = current;
        }

        foreach (var key in keys.Where(key => !string.IsNullOrEmpty(key)).Distinct(StringComparer.Ordinal).Take(MaxBookings))
        {
            // Another rider's booking is not this run's to show, whatever the page asks.
            if (!found.ContainsKey(key) && await store.FindAsync(key, ct) is { } booking && booking.Passenger.RiderId == riderId)
            {
                found[key] = booking;
            }
        }

        return (current, [.. found.Values.OrderByDescending(booking => booking.BookedAt)]);
    }

    private static async Task<RideView> TimelineAsync(Booking booking, IServiceProvider services, CancellationToken ct)
    {
        var durable = services.GetRequiredService<DurableTaskClient>();
        var instance = await durable.GetInstanceAsync(RideInstanceId.For(booking.IdempotencyKey), getInputsAndOutputs: true, ct);
        var history = instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<RideHistory>();
        return RideView.Of(booking, instance?.RuntimeStatus.ToString(), history);
    }

    private static CurrentRideView CurrentOf(Booking current, RideView ride, ConsoleProviderPlayer player) => new(
        current.IdempotencyKey,
        current.Quote.Destination.Name,
        current.Dispatch.RideId,
        ride.Timeline[^1].Status,
        ride.Ended,
        current.Dispatch.RideId is { } rideId ? player.NextSequence(rideId, ride.KnownSequence) : ride.KnownSequence + 1,
        current.Dispatch.RideId is { } pushedFor && player.HasPushed(pushedFor));

    private static IResult Conflict(string reason) => Results.Conflict(new ConsoleError(reason));

    private static IResult UnknownRun(string id) =>
        Results.NotFound(new ConsoleError($"There is no console run '{id}' (the host may have restarted): reload the page to start one."));
}
