using System.Text.Json.Nodes;

namespace RideHailer.Tests.Support;

/// <summary>
/// <c>AlexaSkillEvent.*</c> envelopes in the shape Amazon documents ("Skill events in Alexa skills"; npm
/// <c>ask-sdk-model</c> <c>events.skillevents</c>): a context with the application and user, no session.
/// </summary>
internal static class SkillEventRequests
{
    public const string UserId = "amzn1.ask.account.skill-event-user";
    public const string AccessToken = "skill-event-access-token-secret";

    public static readonly string[] Types =
    [
        "AlexaSkillEvent.SkillEnabled", "AlexaSkillEvent.SkillDisabled", "AlexaSkillEvent.SkillPermissionAccepted",
        "AlexaSkillEvent.SkillPermissionChanged", "AlexaSkillEvent.SkillAccountLinked",
    ];

    public static JsonObject Envelope(string type, DateTimeOffset timestamp, JsonObject? body = null, string userId = UserId)
    {
        var request = new JsonObject
        {
            ["type"] = type,
            ["requestId"] = "amzn1.echo-api.request." + Guid.NewGuid().ToString("N"),
            ["timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["eventCreationTime"] = timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["eventPublishingTime"] = timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        request["body"] = body ?? DefaultBody(type);
        if (request["body"] is null)
        {
            request.Remove("body");
        }

        return new JsonObject
        {
            ["version"] = "1.0",
            ["context"] = new JsonObject
            {
                ["System"] = new JsonObject
                {
                    ["application"] = new JsonObject { ["applicationId"] = AlexaRequests.SkillId },
                    ["user"] = new JsonObject { ["userId"] = userId, ["accessToken"] = AccessToken },
                    ["apiEndpoint"] = "https://api.amazonalexa.com",
                    ["apiAccessToken"] = "api-access-token-secret",
                },
            },
            ["request"] = request,
        };
    }

    private static JsonObject? DefaultBody(string type) => type switch
    {
        "AlexaSkillEvent.SkillPermissionAccepted" or "AlexaSkillEvent.SkillPermissionChanged" => new JsonObject
        {
            ["acceptedPermissions"] = new JsonArray(
                new JsonObject { ["scope"] = "alexa::profile:given_name:read" },
                new JsonObject { ["scope"] = "alexa::devices:all:geolocation:read" }),
            ["acceptedPersonPermissions"] = new JsonArray(new JsonObject { ["scope"] = "alexa::profile:mobile_number:read" }),
        },
        "AlexaSkillEvent.SkillAccountLinked" => new JsonObject { ["accessToken"] = AccessToken },
        "AlexaSkillEvent.SkillDisabled" => new JsonObject { ["userInformationPersistenceStatus"] = "PERSISTED" },
        _ => null,
    };
}
