using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Simulation;

namespace RideHailer.Tests.Support;

/// <summary>Builds Alexa request bodies the way Alexa sends them, for tests.</summary>
internal static class AlexaRequests
{
    public const string SkillId = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// An account that linked nothing, on a device without geolocation, of a skill Alexa tells no permissions to:
    /// the plainest request, for the tests of the parser and the edge to add what they are about to it.
    /// </summary>
    private static readonly SimulatedRider PlainRider = new()
    {
        UserId = "amzn1.ask.account.test",
        Linked = false,
        PersonId = null,
        Geolocation = false,
        DeviceId = "amzn1.ask.device.test",
        ApiTokenPrefix = "api-access-token-secret",
        ReportsPermissions = false,
    };

    /// <summary>The kit's envelope of <paramref name="request"/> from <see cref="PlainRider"/>, stamped <paramref name="timestamp"/> (default <see cref="Now"/>).</summary>
    public static JsonObject Envelope(JsonObject request, string sessionId = "amzn1.echo-api.session.test", bool newSession = true,
        string skillId = SkillId, DateTimeOffset? timestamp = null)
    {
        var session = new SimulatedSession(PlainRider, skillId, new Uri("https://api.amazonalexa.com"), new PermissionLedger(), new FakeTimeProvider(timestamp ?? Now));
        session.Open(sessionId, newSession);
        return session.Request(request);
    }

    public static JsonObject Launch() => new() { ["type"] = "LaunchRequest" };

    public static JsonObject Intent(string name, params (string Slot, string Value)[] slots)
    {
        var slotObjects = new JsonObject();
        foreach (var (slot, value) in slots)
        {
            slotObjects[slot] = new JsonObject { ["name"] = slot, ["value"] = value, ["confirmationStatus"] = "NONE" };
        }

        return new JsonObject
        {
            ["type"] = "IntentRequest",
            ["dialogState"] = "COMPLETED",
            ["intent"] = new JsonObject { ["name"] = name, ["confirmationStatus"] = "NONE", ["slots"] = slotObjects },
        };
    }

    public static JsonObject SessionEnded(string reason = "USER_INITIATED") =>
        new() { ["type"] = "SessionEndedRequest", ["reason"] = reason };

    public static byte[] Bytes(this JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>
    /// The node's JSON with the string value <paramref name="marker"/> replaced by <paramref name="raw"/> as is: for
    /// shapes a JsonNode cannot hold (lone surrogate escapes, invalid UTF-8, 1e400, nesting past its depth limit).
    /// The marker must be one JSON writes as is: letters, digits and underscores (it escapes &lt; and &gt;).
    /// </summary>
    public static byte[] Splice(this JsonNode node, string marker, ReadOnlySpan<byte> raw)
    {
        var json = node.ToJsonString();
        var quoted = "\"" + marker + "\"";
        var at = json.IndexOf(quoted, StringComparison.Ordinal);
        Assert.True(at >= 0 && json.IndexOf(quoted, at + 1, StringComparison.Ordinal) < 0, $"{marker} must occur once");
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. raw, .. Encoding.UTF8.GetBytes(json[(at + quoted.Length)..])];
    }

    public static byte[] Splice(this JsonNode node, string marker, string raw) => node.Splice(marker, Encoding.UTF8.GetBytes(raw));
}
