using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Alexa;

/// <summary>
/// Text System.Text.Json tokenizes but cannot turn into a string: a lone surrogate escape, or bytes that are not
/// UTF-8. Reading such a string through a JsonElement throws InvalidOperationException, not JsonException.
/// </summary>
public sealed class InvalidUnicodeTests
{
    private const string Marker = "__invalid__";

    private static readonly AlexaRequestHeaders JsonHeaders = new(null, null, "application/json");

    /// <summary>Strict: a malformed request must never reach a session.</summary>
    private static readonly DurableTaskClient NoSessions = new Mock<DurableTaskClient>(MockBehavior.Strict, "strict").Object;

    /// <summary>Invalid strings, as raw JSON: escapes the reader accepts and UTF-8 it does not decode.</summary>
    private static readonly (string Text, byte[] Raw)[] Strings =
    [
        ("lone high surrogate", "\"\\ud800\""u8.ToArray()),
        ("lone low surrogate", "\"Launch\\udc00Request\""u8.ToArray()),
        ("high surrogate without its pair", "\"\\ud83d\\u0041\""u8.ToArray()),
        ("invalid UTF-8 byte", [(byte)'"', (byte)'L', 0xFF, (byte)'"']),
        ("truncated UTF-8 sequence", [(byte)'"', 0xE2, 0x82, (byte)'"']),
        ("overlong UTF-8 encoding", [(byte)'"', 0xC0, 0xAF, (byte)'"']),
    ];

    public static TheoryData<string, byte[]> InvalidStrings()
    {
        var strings = new TheoryData<string, byte[]>();
        foreach (var (text, raw) in Strings)
        {
            strings.Add(text, raw);
        }

        return strings;
    }

    /// <summary>Where in an envelope an invalid string can sit, each one read by a different path of the parser.</summary>
    private static (string Place, JsonObject Envelope)[] Places()
    {
        var inRequestType = AlexaRequests.Envelope(new JsonObject { ["type"] = Marker });
        var inUnsupportedId = AlexaRequests.Envelope(new JsonObject { ["type"] = "Foo.Bar", ["requestId"] = Marker });
        var inUnsupportedTimestamp = AlexaRequests.Envelope(new JsonObject { ["type"] = "Foo.Bar", ["timestamp"] = Marker });
        var inUnsupportedLocale = AlexaRequests.Envelope(new JsonObject { ["type"] = "Foo.Bar", ["locale"] = Marker });
        var inIntentSlot = AlexaRequests.Envelope(AlexaRequests.Intent("OrderRideIntent", ("destination", Marker)));
        var inCauseResult = AlexaRequests.Envelope(new JsonObject
        {
            ["type"] = "SessionResumedRequest",
            ["cause"] = new JsonObject
            {
                ["type"] = "ConnectionCompleted",
                ["token"] = "pin.token",
                ["status"] = new JsonObject { ["code"] = "200" },
                ["result"] = new JsonObject { ["status"] = Marker },
            },
        });
        var inSessionId = AlexaRequests.Envelope(AlexaRequests.Launch());
        inSessionId["session"]!["sessionId"] = Marker;
        var inAttributes = AlexaRequests.Envelope(AlexaRequests.Launch());
        inAttributes["session"]!["attributes"] = new JsonObject { ["note"] = Marker };
        var inSupportedInterface = AlexaRequests.Envelope(AlexaRequests.Launch());
        inSupportedInterface["context"]!["System"]!["device"]!["supportedInterfaces"] = new JsonObject { ["Geolocation"] = Marker };
        var inUnreadContext = AlexaRequests.Envelope(AlexaRequests.Launch());
        inUnreadContext["context"]!["Viewport"] = new JsonObject { ["shape"] = Marker };
        return
        [
            ("request.type", inRequestType),
            ("an unsupported request's requestId", inUnsupportedId),
            ("an unsupported request's timestamp", inUnsupportedTimestamp),
            ("an unsupported request's locale", inUnsupportedLocale),
            ("a slot value", inIntentSlot),
            ("cause.result", inCauseResult),
            ("session.sessionId", inSessionId),
            ("a session attribute", inAttributes),
            ("a supported interface", inSupportedInterface),
            ("a context the skill does not read", inUnreadContext),
        ];
    }

    public static TheoryData<string, string, byte[]> Bodies()
    {
        var bodies = new TheoryData<string, string, byte[]>();
        foreach (var (place, envelope) in Places())
        {
            foreach (var (text, raw) in Strings)
            {
                bodies.Add(place, text, envelope.Splice(Marker, raw));
            }
        }

        return bodies;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void InvalidString_IsMalformedJson(string place, string text, byte[] body)
    {
        var parsed = AlexaRequestParser.TryParse(body, out _, out var reason);

        Assert.False(parsed, $"{text} in {place}");
        Assert.StartsWith("malformed JSON", reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidStrings))]
    public void InvalidPropertyName_IsMalformedJson(string text, byte[] name)
    {
        // TryGetProperty unescapes every name it passes on the way to "type".
        var body = AlexaRequests.Envelope(new JsonObject { ["x"] = Marker, ["type"] = "LaunchRequest" })
            .Splice(Marker, [.. "0,"u8, .. name, .. ":1"u8]);

        Assert.False(AlexaRequestParser.TryParse(body, out _, out var reason), text);
        Assert.StartsWith("malformed JSON", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidEscapes_StillParse()
    {
        var body = AlexaRequests.Envelope(new JsonObject { ["type"] = Marker })
            .Splice(Marker, "\"Launch\\u0052equest\""u8);
        var withPair = AlexaRequests.Envelope(AlexaRequests.Intent("OrderRideIntent", ("destination", Marker)))
            .Splice(Marker, "\"the \\ud83d\\ude95 stand \\\"north\\\"\""u8);

        Assert.True(AlexaRequestParser.TryParse(body, out var launch, out var reason), reason);
        Assert.IsType<Skill.Alexa.Read.Requests.LaunchRequest>(launch.Request);
        Assert.True(AlexaRequestParser.TryParse(withPair, out var intent, out reason), reason);
        Assert.Equal("the \U0001F695 stand \"north\"", Assert.IsType<Skill.Alexa.Read.Requests.IntentRequest>(intent.Request).Intent.Slot("destination")!.Value);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task InvalidString_IsA400NotA500(string place, string text, byte[] body)
    {
        using var host = SkillServices.Build();

        var result = await host.Services.GetRequiredService<SkillEndpoint>().HandleAsync(body, JsonHeaders, NoSessions, default);

        Assert.True(result.StatusCode == 400, $"{text} in {place}");
        Assert.StartsWith("malformed JSON", (string?)JsonNode.Parse(result.Body)!["error"], StringComparison.Ordinal);
    }
}
