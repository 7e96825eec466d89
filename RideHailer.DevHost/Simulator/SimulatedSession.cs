using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace RideHailer.DevHost.Simulator;

/// <summary>
/// Alexa's view of the current skill session: its id, what the rider has granted so far and how sure Alexa is of
/// the speaker. Builds each request of the session as Alexa sends it (same session id, <c>new</c> only on the
/// first, the rider's <c>context.System</c>, a fresh request id and timestamp).
/// </summary>
internal sealed class SimulatedSession(SimulatedRider rider, string skillId, Uri apiEndpoint, TimeProvider time)
{
    /// <summary>Voice recognition alone; <see cref="ConfirmSpeaker"/> raises it to the PIN-confirmed 400.</summary>
    public const int RecognisedLevel = 300;

    public const int PinConfirmedLevel = 400;

    private readonly HashSet<string> _granted = new(StringComparer.Ordinal);
    private readonly List<string> _sessionIds = [];
    private readonly string _userId = "amzn1.ask.account." + Opaque();
    private bool _started;
    private int _speakerLevel;

    public string SkillId { get; } = skillId;

    public SimulatedRider Rider { get; } = rider;

    public string? SessionId { get; private set; }

    public bool IsOpen => SessionId is not null;

    /// <summary>Every session opened so far, in order.</summary>
    public IReadOnlyList<string> SessionIds => _sessionIds;

    public IReadOnlyCollection<string> GrantedScopes => _granted;

    /// <summary>A new session starts from the rider's set-up: consent given in an earlier session is not carried over.</summary>
    public void Open()
    {
        SessionId = "amzn1.echo-api.session." + Guid.NewGuid().ToString("D");
        _sessionIds.Add(SessionId);
        _started = false;
        _granted.Clear();
        _granted.UnionWith(Rider.GrantedScopes);
        _speakerLevel = RecognisedLevel;
    }

    public void Close() => SessionId = null;

    /// <summary>The rider accepted voice consent: these scopes are GRANTED for the rest of the session.</summary>
    public void Grant(IEnumerable<string> scopes) => _granted.UnionWith(scopes);

    /// <summary>The rider's profile PIN was confirmed: <c>context.System.person</c> reports level 400 from now on.</summary>
    public void ConfirmSpeaker() => _speakerLevel = PinConfirmedLevel;

    public JsonObject Launch() => Envelope(new JsonObject { ["type"] = "LaunchRequest" });

    public JsonObject Intent(IntentUtterance intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var slots = new JsonObject();
        foreach (var slot in intent.Slots)
        {
            slots[slot.Name] = Slot(slot);
        }

        return Envelope(new JsonObject
        {
            ["type"] = "IntentRequest",
            ["dialogState"] = "COMPLETED",
            ["intent"] = new JsonObject { ["name"] = intent.IntentName, ["confirmationStatus"] = "NONE", ["slots"] = slots },
        });
    }

    /// <summary>A <c>SessionResumedRequest</c> carrying a completed connection's <c>cause</c>.</summary>
    public JsonObject Resumed(JsonObject cause) =>
        Envelope(new JsonObject { ["type"] = "SessionResumedRequest", ["cause"] = cause });

    public JsonObject Ended(string reason) =>
        Envelope(new JsonObject { ["type"] = "SessionEndedRequest", ["reason"] = reason });

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

    private JsonObject Envelope(JsonObject request)
    {
        if (SessionId is null)
        {
            throw new InvalidOperationException("No session is open.");
        }

        request["requestId"] = "amzn1.echo-api.request." + Guid.NewGuid().ToString("D");
        request["timestamp"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        request["locale"] = "en-US";
        var envelope = new JsonObject
        {
            ["version"] = "1.0",
            ["session"] = new JsonObject
            {
                ["new"] = !_started,
                ["sessionId"] = SessionId,
                ["application"] = new JsonObject { ["applicationId"] = SkillId },
                ["attributes"] = new JsonObject(),
                ["user"] = User(),
            },
            ["context"] = Context(),
            ["request"] = request,
        };
        _started = true;
        return envelope;
    }

    private JsonObject Context()
    {
        var system = new JsonObject
        {
            ["application"] = new JsonObject { ["applicationId"] = SkillId },
            ["user"] = User(),
            ["device"] = new JsonObject
            {
                ["deviceId"] = "amzn1.ask.device.simulated-echo",
                ["supportedInterfaces"] = Rider.Geolocation ? new JsonObject { ["Geolocation"] = new JsonObject() } : new JsonObject(),
            },
            ["apiEndpoint"] = apiEndpoint.GetLeftPart(UriPartial.Authority),
            ["apiAccessToken"] = "simulated-api-access-token." + Opaque(),
        };
        if (Rider.PersonId is { } personId)
        {
            var person = new JsonObject { ["personId"] = personId };
            if (Rider.PersonLinked)
            {
                person["accessToken"] = "simulated-person-access-token";
            }

            person["authenticationConfidenceLevel"] = new JsonObject { ["level"] = _speakerLevel };
            system["person"] = person;
        }

        var context = new JsonObject { ["System"] = system };
        // A device reports where it is only to a skill the rider let read it.
        if (Rider.Geolocation && _granted.Contains(Domain.PermissionScopes.Geolocation))
        {
            context["Geolocation"] = Geolocation();
        }

        return context;
    }

    private JsonObject User()
    {
        var scopes = new JsonObject();
        foreach (var scope in _granted.Order(StringComparer.Ordinal))
        {
            scopes[scope] = new JsonObject { ["status"] = "GRANTED" };
        }

        var user = new JsonObject
        {
            ["userId"] = _userId,
            ["permissions"] = new JsonObject { ["consentToken"] = "simulated-consent-token." + Opaque(), ["scopes"] = scopes },
        };
        if (Rider.Linked)
        {
            user["accessToken"] = "simulated-linked-account-token";
        }

        return user;
    }

    private JsonObject Geolocation() => new()
    {
        ["locationServices"] = new JsonObject { ["access"] = "ENABLED", ["status"] = "RUNNING" },
        ["timestamp"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        // Downtown Seattle by Pike Place Market, a short ride from most of the catalog's places.
        ["coordinate"] = new JsonObject { ["latitudeInDegrees"] = 47.6097, ["longitudeInDegrees"] = -122.3422, ["accuracyInMeters"] = 20 },
    };

    private static string Opaque() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
