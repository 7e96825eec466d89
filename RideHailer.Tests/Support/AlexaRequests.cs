using System.Text;
using System.Text.Json.Nodes;

namespace RideHailer.Tests.Support;

/// <summary>Builds Alexa request bodies the way Alexa sends them, for tests.</summary>
internal static class AlexaRequests
{
    public const string SkillId = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static JsonObject Envelope(JsonObject request, string sessionId = "amzn1.echo-api.session.test", bool newSession = true,
        string skillId = SkillId, DateTimeOffset? timestamp = null)
    {
        request["requestId"] ??= "amzn1.echo-api.request." + Guid.NewGuid().ToString("N");
        request["timestamp"] ??= (timestamp ?? Now).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        request["locale"] ??= "en-US";
        return new JsonObject
        {
            ["version"] = "1.0",
            ["session"] = new JsonObject
            {
                ["new"] = newSession,
                ["sessionId"] = sessionId,
                ["application"] = new JsonObject { ["applicationId"] = skillId },
                ["user"] = new JsonObject { ["userId"] = "amzn1.ask.account.test" },
            },
            ["context"] = new JsonObject
            {
                ["System"] = new JsonObject
                {
                    ["application"] = new JsonObject { ["applicationId"] = skillId },
                    ["user"] = new JsonObject { ["userId"] = "amzn1.ask.account.test" },
                    ["device"] = new JsonObject
                    {
                        ["deviceId"] = "amzn1.ask.device.test",
                        ["supportedInterfaces"] = new JsonObject(),
                    },
                    ["apiEndpoint"] = "https://api.amazonalexa.com",
                    ["apiAccessToken"] = "api-access-token-secret",
                },
            },
            ["request"] = request,
        };
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
