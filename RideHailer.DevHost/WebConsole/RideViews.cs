using System.Text.Json.Serialization;
using RideHailer.Domain.Rides;

namespace RideHailer.DevHost.WebConsole;

/// <summary>What the ride panel shows: who plays the provider, the ride its buttons are for, and each ride's timeline.</summary>
/// <param name="Provider">Whether the console can play the skill's provider, and why not.</param>
/// <param name="Current">The rider's latest ride (the one "where is my ride" answers about), or null when they have none.</param>
/// <param name="Rides">The timelines of the current ride and of the bookings the page shows, newest first.</param>
/// <param name="Error">Why a ride could not be read, shown rather than swallowed.</param>
internal sealed record RidesView(ProviderPanelView Provider, CurrentRideView? Current, IReadOnlyList<RideView> Rides, string? Error);

/// <param name="Kind">The skill's provider: <c>BuiltIn</c> or <c>Http</c> (<c>RideProvider:Kind</c>, after <c>ServeSample</c>).</param>
/// <param name="ServesSample">Whether the DevHost serves the sample provider (<c>RideProvider:ServeSample=true</c>).</param>
/// <param name="CanPlay">Whether a pushed event can reach a ride: an HTTP provider's rides listen for them and the secret is set.</param>
/// <param name="Note">What the buttons do, or why there are none to press, in words.</param>
/// <param name="Webhook">Where the events go: this host's own <c>POST /api/rides/events</c>.</param>
internal sealed record ProviderPanelView(string Kind, bool ServesSample, bool CanPlay, string Note, string Webhook);

/// <summary>The ride the panel's buttons push events for.</summary>
/// <param name="RideId">The provider's id for the ride (the event's <c>rideId</c>); null for a booking made before rides had ids.</param>
/// <param name="Status">Its latest known state.</param>
/// <param name="NextSequence">The sequence number the next pushed event carries.</param>
/// <param name="CanSendAgain">Whether an event was pushed for it from this console, so "the same event again" has one to send.</param>
internal sealed record CurrentRideView(
    string BookingKey, string Destination, string? RideId, RideStatus? Status, bool Ended, long NextSequence, bool CanSendAgain);

/// <summary>One ride's timeline and where it was read from.</summary>
/// <param name="InstanceId">The ride's orchestration (<c>trip-&lt;booking key&gt;</c>).</param>
/// <param name="RuntimeStatus">The orchestration's runtime status; null when the backend has no such instance (purged, or never started).</param>
/// <param name="Source">Where the states come from, in words.</param>
internal sealed record RideView(
    string BookingKey,
    string Destination,
    string? RideId,
    string InstanceId,
    string? RuntimeStatus,
    string Source,
    bool Ended,
    IReadOnlyList<RideStateView> Timeline)
{
    public const string FromDispatch = "dispatch";
    public const string FromOrchestration = "orchestration";
    public const string FromBookingsTable = "bookings table";

    /// <summary>
    /// <paramref name="booking"/>'s timeline: the states its orchestration's custom status holds
    /// (<paramref name="history"/>), or, without one (the orchestration was purged Ride:Retention after the ride ended,
    /// or never started), the last state the bookings table holds. The dispatch comes first when no report came with
    /// it (an HTTP provider's ride: its driver accepted as it was booked), and a state the bookings table learned after
    /// the orchestration's last (a status question asked the provider and recorded the answer) comes last.
    /// </summary>
    public static RideView Of(Booking booking, string? runtimeStatus, RideHistory? history)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var from = history is null ? FromBookingsTable : FromOrchestration;
        var states = history?.States ?? RideHistory.Of(booking.Progress).States;
        var timeline = new List<RideStateView>();
        if (states.Count == 0 || states[0].Since > booking.BookedAt)
        {
            var eta = (int)Math.Ceiling(booking.Dispatch.DriverEta.TotalSeconds);
            timeline.Add(new RideStateView(RideStatus.Accepted, booking.BookedAt, booking.BookedAt, eta, null, FromDispatch));
        }

        timeline.AddRange(states.Select(state => RideStateView.Of(state, from)));
        if (history is not null && booking.Progress is { } recorded && (states.Count == 0 || recorded.Sequence > states[^1].Sequence))
        {
            timeline.Add(RideStateView.Of(RideHistory.Of(recorded).States[0], FromBookingsTable));
        }

        var instanceId = Skill.Workflow.RideInstanceId.For(booking.IdempotencyKey);
        var source = history is not null ? $"the custom status of its orchestration {instanceId} ({runtimeStatus})"
            : runtimeStatus is not null ? $"the bookings table (its orchestration {instanceId}, {runtimeStatus}, keeps no timeline)"
            : $"the bookings table (its orchestration {instanceId} is gone: purged Ride:Retention after the ride ended, or never started)";
        return new RideView(
            booking.IdempotencyKey,
            booking.Quote.Destination.Name,
            booking.Dispatch.RideId,
            instanceId,
            runtimeStatus,
            source,
            timeline[^1].Status.IsFinal(),
            timeline);
    }

    /// <summary>The highest sequence number of a provider's report this ride is known to have had (0: none).</summary>
    [JsonIgnore]
    public long KnownSequence => Timeline.Max(state => state.Sequence ?? 0);
}

/// <summary>One state of a ride's timeline.</summary>
/// <param name="Since">When it began.</param>
/// <param name="AsOf">When it was last reported (its ETA is as of then).</param>
/// <param name="PickupEtaSeconds">How soon the driver was at the pickup as of <paramref name="AsOf"/>, where known.</param>
/// <param name="Sequence">The provider's sequence number of its latest report; null for the dispatch and the rider's own cancellation.</param>
/// <param name="From">Where it was read: <c>dispatch</c>, <c>orchestration</c> or <c>bookings table</c>.</param>
internal sealed record RideStateView(RideStatus Status, DateTimeOffset Since, DateTimeOffset AsOf, int? PickupEtaSeconds, long? Sequence, string From)
{
    public static RideStateView Of(RideHistoryEntry state, string from)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sequence = state.Sequence == RideTimeline.RiderCancellationSequence ? (long?)null : state.Sequence;
        return new RideStateView(state.Status, state.Since, state.AsOf, state.PickupEtaSeconds, sequence, from);
    }
}

/// <summary>
/// The body of <c>POST /console/api/runs/{id}/rides/events</c>: <c>{"status":"arriving"}</c> pushes a new event;
/// <c>{"again":true}</c> sends the last one pushed for the ride again (same <c>eventId</c>, a fresh signature);
/// <c>"tamper":"signature"</c> signs a new one with a wrong key, <c>"tamper":"ride"</c> names a ride no booking has.
/// </summary>
internal sealed record RidePushRequest(string? Status, bool Again = false, string? Tamper = null);

/// <summary>What the skill's webhook answered to one pushed event, and the request as it went (the secret is not in it).</summary>
/// <param name="WebhookStatus">The webhook's HTTP status: 202, 200, 401, 404 (or 400/503).</param>
/// <param name="Meaning">What that status means, in words.</param>
/// <param name="WebhookError">The webhook's error word (<c>invalid_signature</c>, <c>unknown_ride</c>…), null on success.</param>
/// <param name="Body">The event's body, exactly the bytes signed and sent.</param>
internal sealed record RidePushView(
    int WebhookStatus,
    string Meaning,
    string? WebhookError,
    string EventId,
    string RideId,
    RideStatus Status,
    long Sequence,
    string Url,
    string Timestamp,
    string Signature,
    string Body);
