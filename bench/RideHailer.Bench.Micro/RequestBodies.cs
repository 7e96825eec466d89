using System.Text;
using System.Text.Json.Nodes;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Bench.Micro;

/// <summary>
/// A typical Alexa request, built by the kit's <see cref="SimulatedSession"/>: the consent resume of the seed
/// conversation, about 2 KB as Alexa sends it.
/// </summary>
internal static class RequestBodies
{
    public const string SkillId = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";

    public static byte[] ConsentResume(string token)
    {
        // Alexa's user id and API token are long opaque strings; these have their real lengths.
        var rider = new SimulatedRider
        {
            UserId = "amzn1.ask.account." + new string('A', 200),
            PersonId = "amzn1.ask.person.jane",
            DeviceId = "amzn1.ask.device.kitchen",
            AccountToken = "linked-account-token",
            PersonToken = "person-access-token",
            ApiTokenPrefix = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + new string('x', 400),
            ConsentToken = "consent-token",
            GrantedEarlier = [PermissionScopes.Geolocation],
        };
        var session = new SimulatedSession(rider, SkillId, new Uri("https://api.amazonalexa.com"), new PermissionLedger());
        session.Open();
        // The launch makes the resume a continuing session's request, as in the conversation.
        session.Launch();
        var resume = session.Resumed(ConnectionCause.Completed(token, ConnectionWords.Ok, "OK", new JsonObject { ["status"] = ConnectionWords.Accepted }));
        return Encoding.UTF8.GetBytes(resume.ToJsonString());
    }
}
