using System.Globalization;
using System.Text.Json.Nodes;

namespace RideHailer.Simulation;

/// <summary>
/// Alexa's view of the current skill session: its id, the rider and how sure Alexa is of the speaker. Builds each
/// request of the session as Alexa sends it (same session id, <c>new</c> only on the first, the rider's
/// <c>context.System</c>, a fresh request id and timestamp, and the session attributes of the last answer
/// <see cref="Heard"/> echoed, as Alexa echoes them). The only builder of request envelopes: the chat, the tests and
/// the load bench all send what it makes. What the rider granted lives in Alexa's
/// <see cref="PermissionLedger"/>, so it outlasts the session; of it the requests show only what Alexa shows: the
/// geolocation scope's status in <c>user.permissions.scopes</c>, and the location itself once it is granted.
/// </summary>
public sealed partial class SimulatedSession
{
    /// <summary>Voice recognition alone; <see cref="ConfirmSpeaker"/> raises it to the PIN-confirmed 400.</summary>
    public const int RecognisedLevel = 300;

    public const int PinConfirmedLevel = 400;

    private readonly List<string> _sessionIds = [];
    private readonly Uri _apiEndpoint;
    private readonly PermissionLedger _permissions;
    private readonly TimeProvider _time;
    private bool _started;
    private int _speakerLevel;
    private JsonNode? _attributes;

    /// <summary>Alexa's session for <paramref name="rider"/>, whose earlier grants go in <paramref name="permissions"/>.</summary>
    /// <param name="time">Stamps each request; the system clock when null.</param>
    public SimulatedSession(SimulatedRider rider, string skillId, Uri apiEndpoint, PermissionLedger permissions, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(rider);
        ArgumentNullException.ThrowIfNull(permissions);
        (Rider, SkillId, _apiEndpoint, _permissions, _time) = (rider, skillId, apiEndpoint, permissions, time ?? TimeProvider.System);
        _permissions.GrantInApp(UserId, rider.PersonId, rider.GrantedInApp);
        _permissions.GrantByVoice(UserId, rider.PersonId, rider.GrantedEarlier);
    }

    public string SkillId { get; }

    /// <summary>Who is talking; a test may hand the device to someone else mid-session.</summary>
    public SimulatedRider Rider { get; set; }

    /// <summary>The Alexa account's user id, the same in every session of the run.</summary>
    public string UserId => Rider.UserId;

    public string? SessionId { get; private set; }

    public bool IsOpen => SessionId is not null;

    /// <summary>Every session opened so far, in order.</summary>
    public IReadOnlyList<string> SessionIds => _sessionIds;

    /// <summary>A new session; what the rider granted in earlier ones stays granted.</summary>
    /// <param name="sessionId">Alexa's id for it; a fresh one when null.</param>
    /// <param name="isNew">False to join a session already under way (its first request says <c>"new": false</c>).</param>
    public void Open(string? sessionId = null, bool isNew = true)
    {
        SessionId = sessionId ?? "amzn1.echo-api.session." + Guid.NewGuid().ToString("D");
        _sessionIds.Add(SessionId);
        _started = !isNew;
        _speakerLevel = RecognisedLevel;
        _attributes = null;
    }

    public void Close() => SessionId = null;

    /// <summary>The rider accepted voice consent: each scope is granted, from now on, at the level it was asked at.</summary>
    public void Grant(IEnumerable<(string Scope, string ConsentLevel)> scopes) => _permissions.Grant(UserId, Rider.PersonId, scopes);

    public bool IsGranted(string scope) =>
        _permissions.IsGranted(UserId, PermissionLedger.IsPersonScope(scope) ? Rider.PersonId : null, scope);

    /// <summary>The rider's profile PIN was confirmed: <c>context.System.person</c> reports level 400 from now on.</summary>
    public void ConfirmSpeaker() => _speakerLevel = PinConfirmedLevel;

    /// <summary>
    /// The skill's answer to the last request: Alexa keeps its <c>sessionAttributes</c> and sends them back in the
    /// session's next request (a skill may keep its state there).
    /// </summary>
    public void Heard(JsonNode answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        _attributes = answer["sessionAttributes"]?.DeepClone();
    }

    public JsonObject Launch() => Request(new JsonObject { ["type"] = "LaunchRequest" });

    public JsonObject Intent(IntentUtterance intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var slots = new JsonObject();
        foreach (var slot in intent.Slots)
        {
            slots[slot.Name] = Slot(slot);
        }

        return Intent(intent.IntentName, slots);
    }

    /// <summary>An <c>IntentRequest</c> with <paramref name="slots"/> as Alexa would fill them (none when null).</summary>
    public JsonObject Intent(string name, JsonObject? slots = null) => Request(new JsonObject
    {
        ["type"] = "IntentRequest",
        ["dialogState"] = "COMPLETED",
        ["intent"] = new JsonObject { ["name"] = name, ["confirmationStatus"] = "NONE", ["slots"] = slots ?? new JsonObject() },
    });

    /// <summary>A <c>SessionResumedRequest</c> carrying a completed connection's <c>cause</c> (<see cref="ConnectionCause"/>).</summary>
    /// <param name="speakerLevel">The speaker's level on this request only; by default the session's.</param>
    public JsonObject Resumed(JsonObject cause, int? speakerLevel = null) =>
        Request(new JsonObject { ["type"] = "SessionResumedRequest", ["cause"] = cause }, speakerLevel);

    public JsonObject Ended(string reason) =>
        Request(new JsonObject { ["type"] = "SessionEndedRequest", ["reason"] = reason });

    private JsonObject Slot(ResolvedSlot slot)
    {
        var json = new JsonObject { ["name"] = slot.Name, ["confirmationStatus"] = "NONE" };
        if (slot.Value is null)
        {
            return json;
        }

        json["value"] = slot.Value;
        if (slot.Type is null)
        {
            return json;
        }

        var authority = new JsonObject
        {
            ["authority"] = $"amzn1.er-authority.echo-sdk.{SkillId}.{slot.Type}",
            ["status"] = new JsonObject { ["code"] = slot.Match is null ? "ER_SUCCESS_NO_MATCH" : "ER_SUCCESS_MATCH" },
        };
        if (slot.Match is { } match)
        {
            authority["values"] = new JsonArray(new JsonObject
            {
                ["value"] = new JsonObject { ["name"] = match.Name, ["id"] = match.Id },
            });
        }

        json["resolutions"] = new JsonObject { ["resolutionsPerAuthority"] = new JsonArray(authority) };
        return json;
    }

    /// <summary>
    /// The envelope of <paramref name="request"/> (its <c>type</c> and own fields) in this session: request id,
    /// timestamp and locale added, with the session and context Alexa would send alongside.
    /// </summary>
    /// <param name="speakerLevel">The speaker's level on this request only; by default the session's.</param>
    public JsonObject Request(JsonObject request, int? speakerLevel = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SessionId is null)
        {
            throw new InvalidOperationException("No session is open.");
        }

        // A request that names its own id, time or locale keeps them (a test replaying or backdating one).
        var now = _time.GetUtcNow();
        request["requestId"] ??= "amzn1.echo-api.request." + Guid.NewGuid().ToString("D");
        request["timestamp"] ??= Timestamp(now);
        request["locale"] ??= Rider.Locale;
        // Alexa puts the same user, consent token included, in the session and in context.System.
        var user = User();
        var session = new JsonObject
        {
            ["new"] = !_started,
            ["sessionId"] = SessionId,
            ["application"] = new JsonObject { ["applicationId"] = SkillId },
        };
        if (_attributes is not null)
        {
            session["attributes"] = _attributes.DeepClone();
        }

        session["user"] = user.DeepClone();
        var envelope = new JsonObject
        {
            ["version"] = "1.0",
            ["session"] = session,
            ["context"] = Context(user, speakerLevel ?? _speakerLevel, now),
            ["request"] = request,
        };
        _started = true;
        return envelope;
    }

    private JsonObject Context(JsonObject user, int speakerLevel, DateTimeOffset now)
    {
        var system = new JsonObject
        {
            ["application"] = new JsonObject { ["applicationId"] = SkillId },
            ["user"] = user,
            ["device"] = new JsonObject
            {
                ["deviceId"] = Rider.DeviceId,
                ["supportedInterfaces"] = Rider.Geolocation ? new JsonObject { ["Geolocation"] = new JsonObject() } : new JsonObject(),
            },
            ["apiEndpoint"] = _apiEndpoint.GetLeftPart(UriPartial.Authority),
            ["apiAccessToken"] = SimulatedApiToken.For(UserId, Rider.PersonId, Rider.ApiTokenPrefix),
        };
        if (Rider.PersonId is { } personId)
        {
            var person = new JsonObject { ["personId"] = personId };
            if (Rider.PersonLinked)
            {
                person["accessToken"] = Rider.PersonToken;
            }

            person["authenticationConfidenceLevel"] = new JsonObject { ["level"] = speakerLevel };
            system["person"] = person;
        }

        var context = new JsonObject { ["System"] = system };
        // A device reports where it is only to a skill the rider let read it.
        if (Rider.Geolocation && IsGranted(Skill.Alexa.Read.PermissionScopes.Geolocation))
        {
            context["Geolocation"] = Geolocation(now);
        }

        return context;
    }

    /// <summary>
    /// The scopes map reports the geolocation scope only; whether name, number and address are granted is for
    /// the Customer Profile and Device Address APIs to say.
    /// </summary>
    private JsonObject User()
    {
        var geolocation = IsGranted(Skill.Alexa.Read.PermissionScopes.Geolocation) ? "GRANTED" : "DENIED";
        var scopes = new JsonObject { [Skill.Alexa.Read.PermissionScopes.Geolocation] = new JsonObject { ["status"] = geolocation } };
        var user = new JsonObject { ["userId"] = UserId };
        if (Rider.ReportsPermissions)
        {
            user["permissions"] = new JsonObject { ["consentToken"] = Rider.ConsentToken, ["scopes"] = scopes };
        }

        if (Rider.Linked)
        {
            user["accessToken"] = Rider.AccountToken;
        }

        return user;
    }

    /// <summary>Where the device is, as of <see cref="SimulatedRider.LocationAge"/> before the request.</summary>
    private JsonNode Geolocation(DateTimeOffset now) =>
        // Parsed, not built: a parsed node writes its numbers back as sent, 1e400 included.
        JsonNode.Parse($$"""
            {"locationServices":{"access":"ENABLED","status":"RUNNING"},"timestamp":"{{Timestamp(now - Rider.LocationAge)}}",
             "coordinate":{{Rider.Coordinate}}}
            """)!;

    private static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
