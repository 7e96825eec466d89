using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace RideHailer.Simulation;

/// <summary>
/// Alexa's view of the current skill session: its id, the rider and how sure Alexa is of the speaker. Builds each
/// request of the session as Alexa sends it (same session id, <c>new</c> only on the first, the rider's
/// <c>context.System</c>, a fresh request id and timestamp). What the rider granted lives in Alexa's
/// <see cref="PermissionLedger"/>, so it outlasts the session; of it the requests show only what Alexa shows: the
/// geolocation scope's status in <c>user.permissions.scopes</c>, and the location itself once it is granted.
/// </summary>
public sealed class SimulatedSession
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

    public SimulatedSession(SimulatedRider rider, string skillId, Uri apiEndpoint, PermissionLedger permissions, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rider);
        ArgumentNullException.ThrowIfNull(permissions);
        (Rider, SkillId, _apiEndpoint, _permissions, _time) = (rider, skillId, apiEndpoint, permissions, time);
        _permissions.GrantInApp(UserId, rider.PersonId, rider.GrantedInApp);
        _permissions.GrantByVoice(UserId, rider.PersonId, rider.GrantedEarlier);
    }

    public string SkillId { get; }

    public SimulatedRider Rider { get; }

    /// <summary>The Alexa account's user id, the same in every session of the run.</summary>
    public string UserId { get; } = "amzn1.ask.account." + Opaque();

    public string? SessionId { get; private set; }

    public bool IsOpen => SessionId is not null;

    /// <summary>Every session opened so far, in order.</summary>
    public IReadOnlyList<string> SessionIds => _sessionIds;

    /// <summary>A new session; what the rider granted in earlier ones stays granted.</summary>
    public void Open()
    {
        SessionId = "amzn1.echo-api.session." + Guid.NewGuid().ToString("D");
        _sessionIds.Add(SessionId);
        _started = false;
        _speakerLevel = RecognisedLevel;
    }

    public void Close() => SessionId = null;

    /// <summary>The rider accepted voice consent: each scope is granted, from now on, at the level it was asked at.</summary>
    public void Grant(IEnumerable<(string Scope, string ConsentLevel)> scopes) => _permissions.Grant(UserId, Rider.PersonId, scopes);

    public bool IsGranted(string scope) =>
        _permissions.IsGranted(UserId, PermissionLedger.IsPersonScope(scope) ? Rider.PersonId : null, scope);

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
        request["timestamp"] = _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        request["locale"] = "en-US";
        // Alexa puts the same user, consent token included, in the session and in context.System.
        var user = User();
        var envelope = new JsonObject
        {
            ["version"] = "1.0",
            ["session"] = new JsonObject
            {
                ["new"] = !_started,
                ["sessionId"] = SessionId,
                ["application"] = new JsonObject { ["applicationId"] = SkillId },
                ["attributes"] = new JsonObject(),
                ["user"] = user.DeepClone(),
            },
            ["context"] = Context(user),
            ["request"] = request,
        };
        _started = true;
        return envelope;
    }

    private JsonObject Context(JsonObject user)
    {
        var system = new JsonObject
        {
            ["application"] = new JsonObject { ["applicationId"] = SkillId },
            ["user"] = user,
            ["device"] = new JsonObject
            {
                ["deviceId"] = "amzn1.ask.device.simulated-echo",
                ["supportedInterfaces"] = Rider.Geolocation ? new JsonObject { ["Geolocation"] = new JsonObject() } : new JsonObject(),
            },
            ["apiEndpoint"] = _apiEndpoint.GetLeftPart(UriPartial.Authority),
            ["apiAccessToken"] = SimulatedApiToken.For(UserId, Rider.PersonId),
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
        if (Rider.Geolocation && IsGranted(Domain.PermissionScopes.Geolocation))
        {
            context["Geolocation"] = Geolocation();
        }

        return context;
    }

    /// <summary>
    /// The scopes map reports the geolocation scope only; whether name, number and address are granted is for
    /// the Customer Profile and Device Address APIs to say.
    /// </summary>
    private JsonObject User()
    {
        var geolocation = IsGranted(Domain.PermissionScopes.Geolocation) ? "GRANTED" : "DENIED";
        var scopes = new JsonObject { [Domain.PermissionScopes.Geolocation] = new JsonObject { ["status"] = geolocation } };
        var user = new JsonObject
        {
            ["userId"] = UserId,
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
        ["timestamp"] = _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        // Downtown Seattle by Pike Place Market, a short ride from most of the catalog's places.
        ["coordinate"] = new JsonObject { ["latitudeInDegrees"] = 47.6097, ["longitudeInDegrees"] = -122.3422, ["accuracyInMeters"] = 20 },
    };

    private static string Opaque() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
