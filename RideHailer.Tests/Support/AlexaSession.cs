using System.Globalization;
using System.Text.Json.Nodes;
using RideHailer.Domain;
using RideHailer.Simulation;

namespace RideHailer.Tests.Support;

/// <summary>
/// Plays Alexa's side of one session against the skill: builds each request of the session as Alexa
/// would (same session id, the rider's context, a fresh request id), and echoes the token of the last
/// StartConnection in the SessionResumedRequest that follows it. What the rider granted is kept where Alexa
/// keeps it, in the local Alexa API's ledger: an accepted consent grants what it asked for, for this session
/// and the rider's later ones, and requests show only the geolocation scope's status.
/// </summary>
internal sealed class AlexaSession
{
    public AlexaSession(Func<JsonNode, Task<JsonNode>> post, LocalAlexaApi api, RiderSetup? rider = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        (Post, _api, Rider) = (post, api, rider ?? RiderSetup.Default);
        _api.Permissions.GrantByVoice(Rider.UserId, Rider.PersonId, Rider.GrantedScopes);
    }

    private readonly LocalAlexaApi _api;

    private IReadOnlyList<(string Scope, string ConsentLevel)> _askedScopes = [];

    /// <summary>Where requests go; a restart test points it at the new host.</summary>
    public Func<JsonNode, Task<JsonNode>> Post { get; set; }

    public const string ApiAccessToken = "api-access-token-secret";
    public const string LinkedAccountToken = "linked-account-token-secret";
    public const string PersonAccessToken = "person-access-token-secret";
    public const string ConsentToken = "consent-token-secret";

    private bool _started;

    public string SessionId { get; } = "amzn1.echo-api.session." + Guid.NewGuid().ToString("N");

    public RiderSetup Rider { get; set; }

    public string? LastToken { get; private set; }

    public JsonNode? LastRequest { get; private set; }

    public Task<JsonNode> LaunchAsync() => SendAsync(new JsonObject { ["type"] = "LaunchRequest" });

    public Task<JsonNode> OrderAsync(string? destination, string? resolvedId = null)
    {
        var slots = new JsonObject();
        if (destination is not null)
        {
            var slot = new JsonObject { ["name"] = "destination", ["value"] = destination, ["confirmationStatus"] = "NONE" };
            if (resolvedId is not null)
            {
                var value = new JsonObject { ["value"] = new JsonObject { ["name"] = destination, ["id"] = resolvedId } };
                slot["resolutions"] = new JsonObject
                {
                    ["resolutionsPerAuthority"] = new JsonArray(new JsonObject
                    {
                        ["authority"] = "amzn1.er-authority.echo-sdk.test.PlaceName",
                        ["status"] = new JsonObject { ["code"] = "ER_SUCCESS_MATCH" },
                        ["values"] = new JsonArray(value),
                    }),
                };
            }

            slots["destination"] = slot;
        }

        return IntentAsync("OrderRideIntent", slots);
    }

    public Task<JsonNode> IntentAsync(string name, JsonObject? slots = null) => SendAsync(new JsonObject
    {
        ["type"] = "IntentRequest",
        ["dialogState"] = "COMPLETED",
        ["intent"] = new JsonObject { ["name"] = name, ["confirmationStatus"] = "NONE", ["slots"] = slots ?? new JsonObject() },
    });

    public Task<JsonNode> YesAsync() => IntentAsync("AMAZON.YesIntent");

    public Task<JsonNode> NoAsync() => IntentAsync("AMAZON.NoIntent");

    /// <summary>
    /// The consent connection's result; <paramref name="status"/> null leaves cause.result out (as with 204).
    /// ACCEPTED grants, as Alexa does, the scopes the last consent connection asked for.
    /// </summary>
    public Task<JsonNode> ConsentResultAsync(string code, string? status, string? token = null)
    {
        if (code == "200" && status == "ACCEPTED")
        {
            _api.Permissions.Grant(Rider.UserId, Rider.PersonId, _askedScopes);
        }

        return ResumeAsync(code, status is null ? null : new JsonObject { ["status"] = status }, token);
    }

    /// <summary>The PIN connection's result, with context.System.person at <paramref name="level"/> (null: no person).</summary>
    public Task<JsonNode> PinResultAsync(string code, string? status, string? reason = null, int? level = 400, string? token = null)
    {
        var result = status is null ? null : new JsonObject { ["status"] = status };
        if (result is not null && reason is not null)
        {
            result["reason"] = reason;
        }

        return ResumeAsync(code, result, token, personLevel: level ?? 0);
    }

    public Task<JsonNode> SessionEndedAsync() =>
        SendAsync(new JsonObject { ["type"] = "SessionEndedRequest", ["reason"] = "USER_INITIATED" });

    /// <summary>Sends <see cref="LastRequest"/> again, unchanged (same request id), as Alexa does when it retries.</summary>
    public Task<JsonNode> RepeatLastAsync() => Post(LastRequest!.DeepClone());

    public async Task<JsonNode> SendAsync(JsonObject request, int? personLevel = null)
    {
        request["requestId"] = "amzn1.echo-api.request." + Guid.NewGuid().ToString("N");
        request["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        request["locale"] = "en-US";
        LastRequest = Envelope(request, personLevel);
        _started = true;
        var response = await Post(LastRequest.DeepClone());
        if (response["response"]?["directives"]?[0] is { } directive && directive["token"] is { } token)
        {
            LastToken = (string?)token;
            if (directive["input"]?["permissionScopes"] is JsonArray scopes)
            {
                _askedScopes = [.. scopes.Select(scope => ((string)scope!["permissionScope"]!, (string)scope["consentLevel"]!))];
            }
        }

        return response;
    }

    /// <summary>Whether Alexa's ledger holds <paramref name="scope"/> for this rider, at the level the skill reads it.</summary>
    public bool IsGranted(string scope) =>
        _api.Permissions.IsGranted(Rider.UserId, PermissionLedger.IsPersonScope(scope) ? Rider.PersonId : null, scope);

    private Task<JsonNode> ResumeAsync(string code, JsonObject? result, string? token, int? personLevel = null)
    {
        var cause = new JsonObject
        {
            ["type"] = "ConnectionCompleted",
            ["token"] = token ?? LastToken,
            ["status"] = new JsonObject { ["code"] = code, ["message"] = code == "200" ? "OK" : "Something happened" },
        };
        if (result is not null)
        {
            cause["result"] = result;
        }

        return SendAsync(new JsonObject { ["type"] = "SessionResumedRequest", ["cause"] = cause }, personLevel);
    }

    private JsonObject Envelope(JsonObject request, int? personLevel)
    {
        var user = new JsonObject { ["userId"] = Rider.UserId };
        if (Rider.Linked)
        {
            user["accessToken"] = Rider.AccountToken;
        }

        // Like Alexa: the map states the geolocation scope only; the APIs answer for the others.
        var geolocationGranted = IsGranted(PermissionScopes.Geolocation);
        var scopes = new JsonObject
        {
            [PermissionScopes.Geolocation] = new JsonObject { ["status"] = geolocationGranted ? "GRANTED" : "DENIED" },
        };

        user["permissions"] = new JsonObject { ["consentToken"] = ConsentToken, ["scopes"] = scopes };
        var system = new JsonObject
        {
            ["application"] = new JsonObject { ["applicationId"] = AlexaRequests.SkillId },
            ["user"] = user,
            ["device"] = new JsonObject
            {
                ["deviceId"] = "amzn1.ask.device.kitchen",
                ["supportedInterfaces"] = Rider.Geolocation ? new JsonObject { ["Geolocation"] = new JsonObject() } : new JsonObject(),
            },
            ["apiEndpoint"] = _api.Endpoint.ToString().TrimEnd('/'),
            ["apiAccessToken"] = SimulatedApiToken.For(Rider.UserId, Rider.PersonId, ApiAccessToken),
        };
        if (Rider.PersonId is not null)
        {
            var person = new JsonObject { ["personId"] = Rider.PersonId };
            if (Rider.PersonLinked)
            {
                person["accessToken"] = Rider.PersonToken;
            }

            person["authenticationConfidenceLevel"] = new JsonObject { ["level"] = personLevel ?? 300 };
            system["person"] = person;
        }

        var context = new JsonObject { ["System"] = system };
        // A device reports where it is, as of the request, only to a skill the rider let read it.
        if (Rider.Geolocation && geolocationGranted)
        {
            // Parsed, not built: a parsed node writes its numbers back as sent, 1e400 included.
            var fixedAt = (DateTimeOffset.Parse((string)request["timestamp"]!, CultureInfo.InvariantCulture) - Rider.LocationAge)
                .ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            context["Geolocation"] = JsonNode.Parse($$"""
                {"locationServices":{"access":"ENABLED","status":"RUNNING"},"timestamp":"{{fixedAt}}",
                 "coordinate":{{Rider.Coordinate}}}
                """);
        }

        return new JsonObject
        {
            ["version"] = "1.0",
            ["session"] = new JsonObject
            {
                ["new"] = !_started,
                ["sessionId"] = SessionId,
                ["application"] = new JsonObject { ["applicationId"] = AlexaRequests.SkillId },
                ["user"] = user.DeepClone(),
            },
            ["context"] = context,
            ["request"] = request,
        };
    }
}
