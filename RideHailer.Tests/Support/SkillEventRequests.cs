using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Tests.Support;

/// <summary>
/// <c>AlexaSkillEvent.*</c> envelopes as the simulation kit builds them (<see cref="SimulatedSession"/>'s skill events),
/// for one user whose id and tokens the tests look for in the logs: linked, with a recognised speaker.
/// </summary>
internal static class SkillEventRequests
{
    public const string UserId = "amzn1.ask.account.skill-event-user";
    public const string AccessToken = "skill-event-access-token-secret";

    public static readonly string[] Types =
    [
        SkillEventRequest.SkillEnabled, SkillEventRequest.SkillDisabled, SkillEventRequest.SkillPermissionAccepted,
        SkillEventRequest.SkillPermissionChanged, SkillEventRequest.SkillAccountLinked,
    ];

    private static readonly SimulatedRider Rider = new()
    {
        UserId = UserId,
        PersonId = "amzn1.ask.person.skill-event-speaker",
        AccountToken = AccessToken,
        PersonToken = "skill-event-person-token-secret",
        ApiTokenPrefix = "api-access-token-secret",
        ConsentToken = "skill-event-consent-token-secret",
    };

    /// <summary>The kit's event of <paramref name="type"/> for <paramref name="userId"/>, its body replaced by <paramref name="body"/> (a test's own grants).</summary>
    public static JsonObject Envelope(string type, DateTimeOffset timestamp, JsonObject? body, string userId)
    {
        var envelope = Envelope(type, timestamp, userId);
        var request = envelope["request"]!.AsObject();
        request.Remove("body");
        if (body is not null)
        {
            request["body"] = body;
        }

        return envelope;
    }

    /// <summary>
    /// The kit's event of <paramref name="type"/>, stamped <paramref name="timestamp"/>. The permission events grant the
    /// first name and the location to the account and the mobile number to the speaker; SkillDisabled says PERSISTED.
    /// </summary>
    public static JsonObject Envelope(string type, DateTimeOffset timestamp, string userId = UserId)
    {
        var session = new SimulatedSession(
            Rider with { UserId = userId }, AlexaRequests.SkillId, new Uri("https://api.amazonalexa.com"), new PermissionLedger(), new FakeTimeProvider(timestamp));
        string[] account = [PermissionScopes.GivenName, PermissionScopes.Geolocation];
        string[] person = [PermissionScopes.MobileNumber];
        return type switch
        {
            SkillEventRequest.SkillEnabled => session.SkillEnabled(),
            SkillEventRequest.SkillDisabled => session.SkillDisabled(SimulatedSession.Persisted),
            SkillEventRequest.SkillPermissionAccepted => session.SkillPermissionAccepted(account, person),
            SkillEventRequest.SkillPermissionChanged => session.SkillPermissionChanged(account, person),
            SkillEventRequest.SkillAccountLinked => session.SkillAccountLinked(),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a skill event the kit sends."),
        };
    }
}
