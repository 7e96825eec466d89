using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Workflow;

namespace RideHailer.Bench.Load;

/// <summary>
/// Alexa's side of one seed session, its requests built by the kit's <see cref="SimulatedSession"/>: a linked rider
/// of their own recognised by voice, on a device with Geolocation, who grants consent by voice (in the local Alexa
/// API's ledger, as Alexa would) and passes the PIN. Every answer is checked; the first wrong one ends the session
/// as an error. With <c>askStatus</c> the rider then opens a second session and asks where the ride is (one shot).
/// </summary>
/// <param name="trip">Where the rider goes (<see cref="Trip.SpaceNeedle"/> unless given).</param>
/// <param name="askStatus">After the booking, a one-shot "where is my ride" in a new session of the same rider.</param>
internal sealed partial class SeedConversation(
    HttpClient http, InstanceRing instances, LocalAlexaApi alexaApi, bool bare = false, Trip? trip = null, bool askStatus = false)
{
    public const string SkillId = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";
    public const string Welcome = "Welcome to Ride Hailer. Where would you like to go?";

    /// <summary>The skill's answer when it cannot answer in time (Phrase.TooSlow in the phrase tables).</summary>
    public const string TryAgain = "Sorry, that took too long. Please try again.";

    /// <summary>The skill's answer when it sheds a session's first turn (Phrase.Busy in the phrase tables).</summary>
    public const string Busy = "Sorry, Ride Hailer is very busy right now. Please try again in a minute.";
    private const string QuoteEnd = "Do you want me to book it?";

    private readonly Trip _trip = trip ?? Trip.SpaceNeedle;
    private readonly SimulatedSession _session = Open(alexaApi, (trip ?? Trip.SpaceNeedle).Coordinate);
    private StartConnection? _connection;

    /// <summary>How often a rider says a turn again (repeatUnanswered) before the session counts as failed.</summary>
    private const int MaxRepeats = 10;

    /// <summary>How long a rider takes to say it again after "that took too long" (or Alexa's own error).</summary>
    private static readonly TimeSpan RepeatPause = TimeSpan.FromSeconds(1);

    /// <summary>The rider of this conversation (the same in its status session).</summary>
    public SimulatedRider Rider => _session.Rider;

    /// <summary>Plays the five turns (and the status turn); reports each answered turn's latency; returns null, or what was wrong.</summary>
    /// <param name="repeatUnanswered">Say a turn again, as a rider does, when it was answered "that took too long" or not at all
    /// (an instance killed under it); its latency then runs from the first try to the answer.</param>
    public async Task<string?> PlayAsync(Action<TurnSample> record, TimeSpan think, CancellationToken cancellationToken, bool repeatUnanswered = false)
    {
        foreach (var kind in TurnKinds.Played(askStatus && !bare))
        {
            if (kind != TurnKind.Launch && think > TimeSpan.Zero)
            {
                await Task.Delay(think, cancellationToken);
            }

            if (kind == TurnKind.Status)
            {
                // A later session of the same rider (same user, person and device), opened by asking the question itself.
                _session.Open();
            }

            var turn = Stopwatch.StartNew();
            var (tooLong, lost) = (0, 0);
            var (answer, milliseconds, failure, receiver) = await SendAsync(Request(kind), kind, cancellationToken);
            while (repeatUnanswered && tooLong + lost < MaxRepeats && (failure is not null || Speech(answer) == TryAgain))
            {
                if (failure is null)
                {
                    tooLong++;
                }
                else
                {
                    lost++;
                }

                await Task.Delay(RepeatPause, cancellationToken);
                if (kind is TurnKind.Launch or TurnKind.Status && failure is not null)
                {
                    // A launch that got no answer leaves no session on an Echo: "open Ride Hailer" said again opens a
                    // new one. Said again in the same session it would be "new": false for a session the skill never
                    // started, which the skill rightly answers "This conversation has ended".
                    _session.Open();
                }

                (answer, _, failure, receiver) = await SendAsync(Request(kind), kind, cancellationToken);
                milliseconds = turn.Elapsed.TotalMilliseconds;
            }

            if (failure is not null)
            {
                return $"{kind}: {failure}";
            }

            record(new TurnSample(kind, milliseconds, SessionInstanceId.For(_session.SessionId!), receiver) { TooLong = tooLong, Lost = lost });
            if (Check(kind, answer!, repeated: tooLong + lost > 0) is { } wrong)
            {
                return $"{kind}: {wrong}";
            }
        }

        return null;
    }

    /// <summary>One launch of a fresh session, checked: the start-up probe.</summary>
    public async Task<bool> LaunchAnswersAsync(CancellationToken cancellationToken)
    {
        var (answer, _, failure, _) = await SendAsync(Request(TurnKind.Launch), TurnKind.Launch, cancellationToken);
        return failure is null && Check(TurnKind.Launch, answer!) is null;
    }

    /// <summary>One launch of a fresh session, as a burst counts it: welcomed, asked to try again, shed, or wrong (errors included).</summary>
    public async Task<LaunchAnswer> LaunchAsync(CancellationToken cancellationToken)
    {
        var (answer, milliseconds, failure, _) = await SendAsync(Request(TurnKind.Launch), TurnKind.Launch, cancellationToken);
        if (failure is not null)
        {
            return new LaunchAnswer(LaunchOutcome.Wrong, milliseconds, failure);
        }

        var speech = (string?)answer!["response"]?["outputSpeech"]?["text"];
        return speech == TryAgain
            ? new LaunchAnswer(LaunchOutcome.TryAgain, milliseconds, null)
            : speech == Busy && (bool?)answer["response"]?["shouldEndSession"] == true
            ? new LaunchAnswer(LaunchOutcome.Busy, milliseconds, null)
            : Check(TurnKind.Launch, answer) is { } wrong
                ? new LaunchAnswer(LaunchOutcome.Wrong, milliseconds, wrong)
                : new LaunchAnswer(LaunchOutcome.Welcome, milliseconds, null);
    }

    /// <summary>Sends one request to the next instance in the ring; the answer, its latency, what was wrong, and which instance it reached.</summary>
    private async Task<(JsonNode? Answer, double Milliseconds, string? Failure, string? Receiver)> SendAsync(
        JsonObject request, TurnKind kind, CancellationToken cancellationToken)
    {
        var (url, receiver) = instances.Next();
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsync(url, content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var milliseconds = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                return (null, milliseconds, $"HTTP {(int)response.StatusCode}: {Shorten(text)}", receiver);
            }

            var answer = JsonNode.Parse(text)!;
            // Alexa echoes the answer's session attributes in the next request (the Node peer keeps its state there).
            _session.Heard(answer);
            return (answer, milliseconds, null, receiver);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
                                          && !cancellationToken.IsCancellationRequested)
        {
            return (null, clock.Elapsed.TotalMilliseconds, $"{exception.GetType().Name}: {exception.Message}", receiver);
        }
    }

    private static SimulatedSession Open(LocalAlexaApi alexaApi, string? coordinate)
    {
        // A rider per session, as 32 riders are 32 people: each session's bookings land in its own partition, where
        // the driver counts them; the speaker's own link identifies the rider, so each speaker is a person of their own.
        var rider = new SimulatedRider
        {
            UserId = "amzn1.ask.account.bench-" + Guid.NewGuid().ToString("N"),
            PersonId = "amzn1.ask.person.bench-" + Guid.NewGuid().ToString("N"),
            DeviceId = "amzn1.ask.device.kitchen",
            AccountToken = "linked-account-token-bench",
            PersonToken = "person-access-token-bench",
            ApiTokenPrefix = "api-access-token-bench",
            ConsentToken = "consent-token-bench",
        };
        if (coordinate is not null)
        {
            rider = rider with { Coordinate = coordinate };
        }

        var session = new SimulatedSession(rider, SkillId, alexaApi.Endpoint, alexaApi.Permissions);
        session.Open();
        return session;
    }

    private JsonObject Request(TurnKind kind) => kind switch
    {
        TurnKind.Launch => _session.Launch(),
        TurnKind.Destination => _session.Intent("OrderRideIntent", new JsonObject
        {
            ["destination"] = new JsonObject { ["name"] = "destination", ["value"] = _trip.Said, ["confirmationStatus"] = "NONE" },
        }),
        TurnKind.ConsentResume => ConsentAccepted(),
        TurnKind.Yes => _session.Intent("AMAZON.YesIntent"),
        TurnKind.Status => _session.Intent("RideStatusIntent"),
        _ => _session.Resumed(Completed(new JsonObject { ["status"] = ConnectionWords.Achieved }), SimulatedSession.PinConfirmedLevel),
    };

    /// <summary>The rider approves: Alexa grants what the consent connection asked for, then resumes the skill.</summary>
    private JsonObject ConsentAccepted()
    {
        _session.Grant(_connection?.PermissionScopes.Select(scope => (scope.Scope, scope.ConsentLevel)) ?? []);
        return _session.Resumed(Completed(new JsonObject { ["status"] = ConnectionWords.Accepted }));
    }

    /// <summary>The cause of the resume of the connection the last answer started, echoing its token as Alexa does.</summary>
    private JsonObject Completed(JsonObject result) => ConnectionCause.Completed(_connection?.Token, ConnectionWords.Ok, "OK", result);

    private static string? Speech(JsonNode? answer) => (string?)answer?["response"]?["outputSpeech"]?["text"];

    /// <param name="repeated">The turn was said again after a try that may have landed: a resumed consent then finds the
    /// session already at its quote, and the skill asks about it again.</param>
    private string? Check(TurnKind kind, JsonNode answer, bool repeated = false)
    {
        var response = answer["response"];
        var speech = (string?)response?["outputSpeech"]?["text"] ?? Unwrap((string?)response?["outputSpeech"]?["ssml"]);
        if (bare)
        {
            // The bare loop answers every turn "ok"; only the last one ends the session.
            return speech == "ok" && (bool?)response?["shouldEndSession"] == (kind == TurnKind.PinResume) ? null : $"expected \"ok\", got \"{speech}\"";
        }

        switch (kind)
        {
            case TurnKind.Launch:
                return speech == Welcome && (bool?)response?["shouldEndSession"] == false ? null : $"expected the welcome, got \"{speech}\"";
            case TurnKind.Destination:
                return ExpectConnection(response, StartConnection.ConsentUri);
            case TurnKind.ConsentResume:
                return (speech.StartsWith($"Thank you. A ride to {_trip.SpokenName} from your current location will cost ", StringComparison.Ordinal)
                        && speech.EndsWith(QuoteEnd, StringComparison.Ordinal)
                        || repeated && speech.EndsWith($"Do you want me to book the ride to {_trip.SpokenName}?", StringComparison.Ordinal))
                       && (bool?)response?["shouldEndSession"] == false
                    ? null
                    : $"expected the quote, got \"{speech}\"";
            case TurnKind.Yes:
                return ExpectConnection(response, StartConnection.PinUri) ??
                       (speech.Contains($"Ok, <alexa:name type=\"first\" personId=\"{_session.Rider.PersonId}\"/>.", StringComparison.Ordinal)
                           ? null
                           : $"expected the speaker's greeting, got \"{speech}\"");
            case TurnKind.PinResume:
                return _trip.Booked.IsMatch(speech) && (bool?)response?["shouldEndSession"] == true
                    ? null
                    : $"expected the booking, got \"{speech}\"";
            default:
                // Right after the booking the driver is on the way (or, on a slow run, arriving), and the one shot ends.
                return RideStatus().IsMatch(speech) && (bool?)response?["shouldEndSession"] == true
                    ? null
                    : $"expected where the ride is, got \"{speech}\"";
        }
    }

    /// <summary>A StartConnection to <paramref name="uri"/> with a token, and shouldEndSession left out as Alexa requires.</summary>
    private string? ExpectConnection(JsonNode? response, string uri)
    {
        _connection = StartConnection.Parse(response?["directives"]);
        if (_connection?.Uri != uri || (string?)response?["directives"]?[0]?["type"] != "Connections.StartConnection")
        {
            return $"expected a StartConnection to {uri}, got {Shorten(response?.ToJsonString() ?? "nothing")}";
        }

        if (response!.AsObject().ContainsKey("shouldEndSession"))
        {
            return "a StartConnection answer must leave shouldEndSession out";
        }

        return string.IsNullOrEmpty(_connection.Token) ? "the StartConnection has no token" : null;
    }

    /// <summary>SSML's text inside &lt;speak&gt;, so a plain-text and an SSML answer compare alike.</summary>
    private static string Unwrap(string? ssml) =>
        ssml is not null && ssml.StartsWith("<speak>", StringComparison.Ordinal) && ssml.EndsWith("</speak>", StringComparison.Ordinal)
            ? ssml["<speak>".Length..^"</speak>".Length]
            : ssml ?? "";

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>"Sam is two minutes away in a silver Toyota Prius, plate &lt;say-as …&gt;BXK4821&lt;/say-as&gt;.", or "Sam is arriving now."</summary>
    [GeneratedRegex(@"^\S+ (is [a-z-]+ minutes? away in .+, plate <say-as interpret-as=""characters"">[A-Z0-9]+</say-as>|is arriving now)\.$")]
    private static partial Regex RideStatus();
}

/// <summary>One answered turn: its kind and latency, the session's orchestration instance, and the worker id of the instance it reached (null: not known).</summary>
internal sealed record TurnSample(TurnKind Kind, double Milliseconds, string InstanceId, string? Receiver)
{
    /// <summary>Tries answered "that took too long" before the answer (only when riders repeat such turns).</summary>
    public int TooLong { get; init; }

    /// <summary>Tries that got no answer at all (the instance died under them) before the answer.</summary>
    public int Lost { get; init; }
}
