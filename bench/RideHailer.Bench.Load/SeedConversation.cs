using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RideHailer.Bench.Load;

/// <summary>
/// Alexa's side of one seed session (the shapes of RideHailer.Tests/Support/AlexaSession.cs): a linked rider of their own
/// recognised by voice, on a device with Geolocation, who grants consent by voice and passes the PIN. Every
/// answer is checked; the first wrong one ends the session as an error.
/// </summary>
internal sealed partial class SeedConversation(HttpClient http, Uri url, Uri apiEndpoint, bool bare = false)
{
    public const string SkillId = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";
    public const string Welcome = "Welcome to Ride Hailer. Where would you like to go?";

    /// <summary>The skill's answer when it cannot answer in time (SkillEndpoint.TooSlowSpeech).</summary>
    public const string TryAgain = "Sorry, that took too long. Please try again.";

    /// <summary>The skill's answer when it sheds a session's first turn (SkillEndpoint.BusySpeech).</summary>
    public const string Busy = "Sorry, Ride Hailer is very busy right now. Please try again in a minute.";
    private const string ConsentUri = "connection://AMAZON.AskForPermissionsConsent/2";
    private const string PinUri = "connection://AMAZON.VerifyPerson/2";
    private const string QuoteStart = "Thank you. A ride to the Space Needle from your current location will cost ";
    private const string QuoteEnd = "Do you want me to book it?";

    private readonly string _sessionId = "amzn1.echo-api.session.bench-" + Guid.NewGuid().ToString("N");

    /// <summary>A rider per session, as 32 riders are 32 people: each session's bookings land in its own partition,
    /// where the driver counts them.</summary>
    private readonly string _userId = "amzn1.ask.account.bench-" + Guid.NewGuid().ToString("N");

    // The speaker's own link identifies the rider, so each session's speaker is a person of their own too.
    private readonly string _personId = "amzn1.ask.person.bench-" + Guid.NewGuid().ToString("N");
    private bool _started;
    private string? _token;
    private JsonNode? _attributes;

    /// <summary>Plays the five turns; reports each answered turn's latency; returns null, or what was wrong.</summary>
    public async Task<string?> PlayAsync(Action<TurnKind, double> record, TimeSpan think, CancellationToken cancellationToken)
    {
        foreach (var kind in Enum.GetValues<TurnKind>())
        {
            if (_started && think > TimeSpan.Zero)
            {
                await Task.Delay(think, cancellationToken);
            }

            var (answer, milliseconds, failure) = await SendAsync(Request(kind), kind, cancellationToken);
            if (failure is not null)
            {
                return $"{kind}: {failure}";
            }

            record(kind, milliseconds);
            // Alexa echoes the last answer's session attributes in the next request (the Node peer keeps its state there).
            _attributes = answer!["sessionAttributes"]?.DeepClone();
            if (Check(kind, answer!) is { } wrong)
            {
                return $"{kind}: {wrong}";
            }
        }

        return null;
    }

    /// <summary>One launch of a fresh session, checked: the start-up probe.</summary>
    public async Task<bool> LaunchAnswersAsync(CancellationToken cancellationToken)
    {
        var (answer, _, failure) = await SendAsync(Request(TurnKind.Launch), TurnKind.Launch, cancellationToken);
        return failure is null && Check(TurnKind.Launch, answer!) is null;
    }

    /// <summary>One launch of a fresh session, as a burst counts it: welcomed, asked to try again, shed, or wrong (errors included).</summary>
    public async Task<LaunchAnswer> LaunchAsync(CancellationToken cancellationToken)
    {
        var (answer, milliseconds, failure) = await SendAsync(Request(TurnKind.Launch), TurnKind.Launch, cancellationToken);
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

    private async Task<(JsonNode? Answer, double Milliseconds, string? Failure)> SendAsync(
        JsonObject request, TurnKind kind, CancellationToken cancellationToken)
    {
        var body = Envelope(request, personLevel: kind == TurnKind.PinResume ? 400 : 300, granted: kind >= TurnKind.ConsentResume);
        _started = true;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsync(url, content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var milliseconds = clock.Elapsed.TotalMilliseconds;
            return response.IsSuccessStatusCode
                ? (JsonNode.Parse(text), milliseconds, null)
                : (null, milliseconds, $"HTTP {(int)response.StatusCode}: {Shorten(text)}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
                                          && !cancellationToken.IsCancellationRequested)
        {
            return (null, clock.Elapsed.TotalMilliseconds, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private JsonObject Request(TurnKind kind) => kind switch
    {
        TurnKind.Launch => new JsonObject { ["type"] = "LaunchRequest" },
        TurnKind.Destination => Intent("OrderRideIntent", new JsonObject
        {
            ["destination"] = new JsonObject { ["name"] = "destination", ["value"] = "the space needle", ["confirmationStatus"] = "NONE" },
        }),
        TurnKind.ConsentResume => Resume(new JsonObject { ["status"] = "ACCEPTED" }),
        TurnKind.Yes => Intent("AMAZON.YesIntent", new JsonObject()),
        _ => Resume(new JsonObject { ["status"] = "ACHIEVED" }),
    };

    private static JsonObject Intent(string name, JsonObject slots) => new()
    {
        ["type"] = "IntentRequest",
        ["dialogState"] = "COMPLETED",
        ["intent"] = new JsonObject { ["name"] = name, ["confirmationStatus"] = "NONE", ["slots"] = slots },
    };

    /// <summary>The resume of the connection the last answer started, echoing its token as Alexa does.</summary>
    private JsonObject Resume(JsonObject result) => new()
    {
        ["type"] = "SessionResumedRequest",
        ["cause"] = new JsonObject
        {
            ["type"] = "ConnectionCompleted",
            ["token"] = _token,
            ["status"] = new JsonObject { ["code"] = "200", ["message"] = "OK" },
            ["result"] = result,
        },
    };

    private string? Check(TurnKind kind, JsonNode answer)
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
                return StartConnection(response, ConsentUri);
            case TurnKind.ConsentResume:
                return speech.StartsWith(QuoteStart, StringComparison.Ordinal) && speech.EndsWith(QuoteEnd, StringComparison.Ordinal)
                       && (bool?)response?["shouldEndSession"] == false
                    ? null
                    : $"expected the quote, got \"{speech}\"";
            case TurnKind.Yes:
                return StartConnection(response, PinUri) ??
                       (speech.Contains($"Ok, <alexa:name type=\"first\" personId=\"{_personId}\"/>.", StringComparison.Ordinal)
                           ? null
                           : $"expected the speaker's greeting, got \"{speech}\"");
            default:
                return Booked().IsMatch(speech) && (bool?)response?["shouldEndSession"] == true
                    ? null
                    : $"expected the booking, got \"{speech}\"";
        }
    }

    /// <summary>A StartConnection to <paramref name="uri"/> with a token, and shouldEndSession left out as Alexa requires.</summary>
    private string? StartConnection(JsonNode? response, string uri)
    {
        var directive = response?["directives"]?[0];
        if ((string?)directive?["type"] != "Connections.StartConnection" || (string?)directive?["uri"] != uri)
        {
            return $"expected a StartConnection to {uri}, got {Shorten(response?.ToJsonString() ?? "nothing")}";
        }

        if (response!.AsObject().ContainsKey("shouldEndSession"))
        {
            return "a StartConnection answer must leave shouldEndSession out";
        }

        _token = (string?)directive["token"];
        return string.IsNullOrEmpty(_token) ? "the StartConnection has no token" : null;
    }

    /// <summary>
    /// As Alexa sends it: the scopes map states the geolocation scope only, and the API token is what the
    /// profile stub answers by (403 until the consent is accepted, as the Customer Profile API does).
    /// </summary>
    private byte[] Envelope(JsonObject request, int personLevel, bool granted)
    {
        request["requestId"] = "amzn1.echo-api.request." + Guid.NewGuid().ToString("N");
        request["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        request["locale"] = "en-US";
        var user = new JsonObject
        {
            ["userId"] = _userId,
            ["accessToken"] = "linked-account-token-bench",
            ["permissions"] = new JsonObject
            {
                ["consentToken"] = "consent-token-bench",
                ["scopes"] = new JsonObject
                {
                    ["alexa::devices:all:geolocation:read"] = new JsonObject { ["status"] = granted ? "GRANTED" : "DENIED" },
                },
            },
        };
        var context = new JsonObject
        {
            ["System"] = new JsonObject
            {
                ["application"] = new JsonObject { ["applicationId"] = SkillId },
                ["user"] = user,
                ["person"] = new JsonObject
                {
                    ["personId"] = _personId,
                    ["accessToken"] = "person-access-token-bench",
                    ["authenticationConfidenceLevel"] = new JsonObject { ["level"] = personLevel },
                },
                ["device"] = new JsonObject
                {
                    ["deviceId"] = "amzn1.ask.device.kitchen",
                    ["supportedInterfaces"] = new JsonObject { ["Geolocation"] = new JsonObject() },
                },
                ["apiEndpoint"] = apiEndpoint.ToString().TrimEnd('/'),
                ["apiAccessToken"] = granted ? ProfileStub.GrantedToken : "api-access-token-bench",
            },
        };
        if (granted)
        {
            context["Geolocation"] = new JsonObject
            {
                ["locationServices"] = new JsonObject { ["access"] = "ENABLED", ["status"] = "RUNNING" },
                ["timestamp"] = request["timestamp"]!.DeepClone(),
                ["coordinate"] = new JsonObject { ["latitudeInDegrees"] = 47.6097, ["longitudeInDegrees"] = -122.3422, ["accuracyInMeters"] = 20 },
            };
        }

        var envelope = new JsonObject
        {
            ["version"] = "1.0",
            ["session"] = new JsonObject
            {
                ["new"] = !_started,
                ["sessionId"] = _sessionId,
                ["application"] = new JsonObject { ["applicationId"] = SkillId },
                ["attributes"] = _attributes?.DeepClone(),
                ["user"] = user.DeepClone(),
            },
            ["context"] = context,
            ["request"] = request,
        };
        return System.Text.Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    /// <summary>SSML's text inside &lt;speak&gt;, so a plain-text and an SSML answer compare alike.</summary>
    private static string Unwrap(string? ssml) =>
        ssml is not null && ssml.StartsWith("<speak>", StringComparison.Ordinal) && ssml.EndsWith("</speak>", StringComparison.Ordinal)
            ? ssml["<speak>".Length..^"</speak>".Length]
            : ssml ?? "";

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    [GeneratedRegex(@"^Great\. Your driver will arrive in .+ minutes?\.$")]
    private static partial Regex Booked();
}
