using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Alexa;

/// <summary>
/// Echo Show requests carry the APL visual context: <c>componentsVisibleOnScreen</c>, each component with its
/// children, as deep as the document on screen. The skill reads none of it; it must still be accepted.
/// </summary>
public sealed class VisualContextDepthTests
{
    private const string Marker = "__apl__";

    [Fact]
    public void DeepAplContext_Parses()
    {
        var body = Launch(DateTimeOffset.UtcNow).Splice(Marker, AplContext(levels: 45));

        Assert.True(AlexaRequestParser.TryParse(body, out var request, out var reason), reason);
        Assert.IsType<Skill.Alexa.Read.Requests.LaunchRequest>(request.Request);
    }

    [Fact]
    public async Task LaunchFromAnEchoShowWithADeepDocumentOnScreen_IsWelcomed()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);

        var (status, body) = await skill.PostRawAsync(Launch(DateTimeOffset.UtcNow).Splice(Marker, AplContext(levels: 45)));

        Assert.Equal(200, status);
        Assert.Equal("Welcome to Ride Hailer. Where would you like to go?", (string?)JsonNode.Parse(body)!["response"]!["outputSpeech"]!["text"]);
    }

    /// <summary>
    /// As deep as 128 KiB of brackets can nest, in a part of the context the skill skips: accepted (200), since a body
    /// within the size limit is accepted at any depth and the reader skips what is not modelled without recursing.
    /// </summary>
    [Fact]
    public async Task DeepestNestThatFitsTheBodyLimit_IsAnsweredNotA500()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var envelope = Launch(DateTimeOffset.UtcNow);
        var levels = (AlexaRequestVerifier.MaxBodyBytes - envelope.Splice(Marker, "").Length) / 2;
        var body = envelope.Splice(Marker, new string('[', levels) + new string(']', levels));
        Assert.InRange(body.Length, AlexaRequestVerifier.MaxBodyBytes - 1, AlexaRequestVerifier.MaxBodyBytes);

        var (status, answer) = await skill.PostRawAsync(body);

        Assert.Equal(200, status);
        Assert.NotNull(JsonNode.Parse(answer)!["response"]!["outputSpeech"]);
    }

    [Fact]
    public async Task BodyOfOnlyOpeningBrackets_IsMalformedNotA500()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);

        var (status, answer) = await skill.PostRawAsync(Encoding.ASCII.GetBytes(new string('[', AlexaRequestVerifier.MaxBodyBytes)));

        Assert.Equal(400, status);
        Assert.StartsWith("malformed JSON", (string?)JsonNode.Parse(answer)!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnclosedNestInContext_IsMalformedNotA500()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var body = Launch(DateTimeOffset.UtcNow).Splice(Marker, new string('[', 60_000));

        var (status, answer) = await skill.PostRawAsync(body);

        Assert.Equal(400, status);
        Assert.StartsWith("malformed JSON", (string?)JsonNode.Parse(answer)!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public void DeepestNestThatFitsTheBodyLimit_ParsesWithoutRecursing()
    {
        var envelope = Launch(AlexaRequests.Now);
        var levels = (AlexaRequestVerifier.MaxBodyBytes - envelope.Splice(Marker, "").Length) / 2;
        var body = envelope.Splice(Marker, new string('[', levels) + new string(']', levels));
        var parsed = false;
        string? reason = null;

        // A parser that recursed per level would overflow a stack this small long before 60,000 levels.
        var thread = new Thread(() => parsed = AlexaRequestParser.TryParse(body, out _, out reason), maxStackSize: 128 * 1024);
        thread.Start();
        thread.Join();

        Assert.True(parsed, reason);
    }

    /// <summary>Where a member is kept raw (a JsonElement): each one's depth is bounded, so its parse stays cheap.</summary>
    public static TheoryData<string> RawMembers() =>
        ["request.arguments", "request.cause.result", "session.attributes", "context.System.device.supportedInterfaces"];

    [Theory]
    [MemberData(nameof(RawMembers))]
    public void DeepNestInAMemberKeptRaw_IsMalformed(string member)
    {
        var body = WithRawMember(member).Splice(Marker, new string('[', 60_000) + new string(']', 60_000));

        Assert.False(AlexaRequestParser.TryParse(body, out _, out var reason));
        Assert.StartsWith("malformed JSON", reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RawMembers))]
    public void ModestNestInAMemberKeptRaw_Parses(string member)
    {
        var body = WithRawMember(member).Splice(Marker, new string('[', 60) + new string(']', 60));

        Assert.True(AlexaRequestParser.TryParse(body, out _, out var reason), reason);
    }

    private static JsonObject WithRawMember(string member)
    {
        var envelope = member switch
        {
            "request.arguments" => AlexaRequests.Envelope(new JsonObject { ["type"] = "Alexa.Presentation.APL.UserEvent", ["arguments"] = Marker }),
            "request.cause.result" => AlexaRequests.Envelope(new JsonObject
            {
                ["type"] = "SessionResumedRequest",
                ["cause"] = new JsonObject { ["type"] = "ConnectionCompleted", ["token"] = "pin.t", ["result"] = Marker },
            }),
            _ => AlexaRequests.Envelope(AlexaRequests.Launch()),
        };
        if (member == "session.attributes")
        {
            envelope["session"]!["attributes"] = new JsonObject { ["deep"] = Marker };
        }
        else if (member == "context.System.device.supportedInterfaces")
        {
            envelope["context"]!["System"]!["device"]!["supportedInterfaces"] = new JsonObject { ["Alexa.Presentation.APL"] = Marker };
        }

        return envelope;
    }

    private static JsonObject Launch(DateTimeOffset now)
    {
        var envelope = AlexaRequests.Envelope(AlexaRequests.Launch(), timestamp: now);
        envelope["context"]!["System"]!["device"]!["supportedInterfaces"] = new JsonObject
        {
            ["Alexa.Presentation.APL"] = new JsonObject { ["runtime"] = new JsonObject { ["maxVersion"] = "2024.3" } },
        };
        envelope["context"]!["Alexa.Presentation.APL"] = Marker;
        return envelope;
    }

    /// <summary>
    /// A visual context shaped like Amazon's sample: the document's token and runtime version, and the
    /// components on screen, here a container in a container <paramref name="levels"/> deep around one button.
    /// </summary>
    private static string AplContext(int levels)
    {
        var context = new StringBuilder("""{"token":"rideStatus","version":"AplRenderer-2024.3","componentsVisibleOnScreen":[""");
        for (var level = 0; level < levels; level++)
        {
            var tags = level == 0 ? """{"viewport":{}}""" : """{"focused":false,"scrollable":{"direction":"vertical","allowForward":true,"allowBackwards":false}}""";
            context.Append(CultureInfo.InvariantCulture, $$"""
                {"uid":":{{1000 + level}}","position":"1280x800+0+{{level}}:0","type":"mixed","tags":{{tags}},"entities":[],"children":[
                """);
        }

        context.Append("""{"id":"bookButton","uid":":9999","position":"270x70+377+450:0","type":"text","tags":{"clickable":true,"focused":false},"entities":[]}""");
        context.Insert(context.Length, "]}", levels);
        return context.Append("]}").ToString();
    }
}
