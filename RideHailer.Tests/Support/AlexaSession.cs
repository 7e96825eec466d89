using System.Globalization;
using System.Text.Json.Nodes;

namespace RideHailer.Tests.Support;

/// <summary>
/// Plays Alexa's side of one session against the skill: builds each request of the session as Alexa
/// would (same session id, the rider's context, a fresh request id), and echoes the token of the last
/// StartConnection in the SessionResumedRequest that follows it.
/// </summary>
internal sealed class AlexaSession(Func<JsonNode, Task<JsonNode>> post, Uri apiEndpoint, RiderSetup? rider = null)
{
    /// <summary>Where requests go; a restart test points it at the new host.</summary>
    public Func<JsonNode, Task<JsonNode>> Post { get; set; } = post;

    public const string ApiAccessToken = "api-access-token-secret";
    public const string LinkedAccountToken = "linked-account-token-secret";
    public const string PersonAccessToken = "person-access-token-secret";
    public const string ConsentToken = "consent-token-secret";

    private bool _started;

    public string SessionId { get; } = "amzn1.echo-api.session." + Guid.NewGuid().ToString("N");

    public RiderSetup Rider { get; set; } = rider ?? RiderSetup.Default;

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

    /// <summary>The consent connection's result; <paramref name="status"/> null leaves cause.result out (as with 204).</summary>
    public Task<JsonNode> ConsentResultAsync(string code, string? status, string? token = null) =>
        ResumeAsync(code, status is null ? null : new JsonObject { ["status"] = status }, token, locationShared: status == "ACCEPTED");

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

    public async Task<JsonNode> SendAsync(JsonObject request, int? personLevel = null, bool locationShared = false)
    {
        request["requestId"] = "amzn1.echo-api.request." + Guid.NewGuid().ToString("N");
        request["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        request["locale"] = "en-US";
        LastRequest = Envelope(request, personLevel, locationShared);
        _started = true;
        var response = await Post(LastRequest.DeepClone());
        if (response["response"]?["directives"]?[0]?["token"] is { } token)
        {
            LastToken = (string?)token;
        }

        return response;
    }

    private Task<JsonNode> ResumeAsync(string code, JsonObject? result, string? token, int? personLevel = null, bool locationShared = false)
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

        return SendAsync(new JsonObject { ["type"] = "SessionResumedRequest", ["cause"] = cause }, personLevel, locationShared);
    }

    private JsonObject Envelope(JsonObject request, int? personLevel, bool locationShared)
    {
        var user = new JsonObject { ["userId"] = "amzn1.ask.account.jane" };
        if (Rider.Linked)
        {
            user["accessToken"] = LinkedAccountToken;
        }

        var scopes = new JsonObject();
        foreach (var scope in Rider.GrantedScopes)
        {
            scopes[scope] = new JsonObject { ["status"] = "GRANTED" };
        }

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
            ["apiEndpoint"] = apiEndpoint.ToString().TrimEnd('/'),
            ["apiAccessToken"] = ApiAccessToken,
        };
        if (Rider.PersonId is not null)
        {
            var person = new JsonObject { ["personId"] = Rider.PersonId };
            if (Rider.PersonLinked)
            {
                person["accessToken"] = PersonAccessToken;
            }

            person["authenticationConfidenceLevel"] = new JsonObject { ["level"] = personLevel ?? 300 };
            system["person"] = person;
        }

        var context = new JsonObject { ["System"] = system };
        if (Rider.Geolocation && (locationShared || Rider.GrantedScopes.Contains(RideHailer.Domain.PermissionScopes.Geolocation)))
        {
            // Parsed, not built: a parsed node writes its numbers back as sent, 1e400 included.
            context["Geolocation"] = JsonNode.Parse($$"""
                {"locationServices":{"access":"ENABLED","status":"RUNNING"},"timestamp":"2026-11-25T12:00:00Z",
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
