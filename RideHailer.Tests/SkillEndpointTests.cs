using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using RideHailer.Skill;
using RideHailer.Tests.Support;

namespace RideHailer.Tests;

public sealed class SkillEndpointTests : IDisposable
{
    private static readonly AlexaRequestHeaders JsonHeaders = new(null, null, "application/json; charset=utf-8");

    /// <summary>Strict: any call fails the test, proving a rejected request never reaches a session.</summary>
    private static readonly DurableTaskClient NoSessions = new Mock<DurableTaskClient>(MockBehavior.Strict, "strict").Object;

    private readonly IHost _host = SkillServices.Build();

    private SkillEndpoint Endpoint => _host.Services.GetRequiredService<SkillEndpoint>();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task SessionEndedRequest_GetsAnEmptyResponse()
    {
        var durable = new Mock<DurableTaskClient>("loose");
        var result = await Endpoint.HandleAsync(AlexaRequests.Envelope(AlexaRequests.SessionEnded()).Bytes(), JsonHeaders, durable.Object, default);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("""{"version":"1.0","response":{}}""", Encoding.UTF8.GetString(result.Body));
    }

    [Fact]
    public async Task UnsupportedRequestType_IsAnsweredNotRejected()
    {
        var body = AlexaRequests.Envelope(new JsonObject { ["type"] = "CanFulfillIntentRequest" }).Bytes();

        var result = await Endpoint.HandleAsync(body, JsonHeaders, NoSessions, default);

        Assert.Equal(200, result.StatusCode);
    }

    public static TheoryData<string, byte[], string> BadBodies()
    {
        var oversized = AlexaRequests.Envelope(AlexaRequests.Launch());
        oversized["session"]!["attributes"] = new JsonObject { ["padding"] = new string('x', SkillEndpoint.MaxBodyBytes) };
        var noType = AlexaRequests.Envelope(AlexaRequests.Launch());
        noType["request"]!.AsObject().Remove("type");
        return new()
        {
            { "empty body", [], "the body is empty" },
            { "malformed JSON", "{\"version\":"u8.ToArray(), "malformed JSON" },
            { "not an envelope", "42"u8.ToArray(), "malformed JSON" },
            { "over 128 KiB", oversized.Bytes(), "the body is larger than 128 KiB" },
            { "missing request type", noType.Bytes(), "the request has no type" },
            { "another skill", AlexaRequests.Envelope(AlexaRequests.Launch(), skillId: "amzn1.ask.skill.other").Bytes(), "request verification failed" },
            { "stale timestamp", AlexaRequests.Envelope(AlexaRequests.Launch(), timestamp: AlexaRequests.Now.AddSeconds(-151)).Bytes(), "request verification failed" },
            { "future timestamp", AlexaRequests.Envelope(AlexaRequests.Launch(), timestamp: AlexaRequests.Now.AddSeconds(151)).Bytes(), "request verification failed" },
        };
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInput_IsA400WithAReason(string scenario, byte[] body, string reason)
    {
        var result = await Endpoint.HandleAsync(body, JsonHeaders, NoSessions, default);

        Assert.True(result.StatusCode == 400, scenario);
        Assert.StartsWith(reason, (string?)JsonNode.Parse(result.Body)!["error"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Foo.Bar", "1764072000")]
    [InlineData("Foo.Bar", "null")]
    [InlineData("Alexa.Presentation.APL.UserEvent", "{}")]
    [InlineData("Alexa.Presentation.APL.UserEvent", """["2026-11-25T12:00:00Z"]""")]
    [InlineData("CanFulfillIntentRequest", "true")]
    public async Task UnsupportedRequestWithNonStringTimestamp_IsRejectedLikeAnyBadTimestamp(string type, string timestamp)
    {
        var body = AlexaRequests.Envelope(new JsonObject { ["type"] = type, ["timestamp"] = "__timestamp__" }).Splice("__timestamp__", timestamp);

        var result = await Endpoint.HandleAsync(body, JsonHeaders, NoSessions, default);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("request verification failed", (string?)JsonNode.Parse(result.Body)!["error"]);
    }

    [Fact]
    public async Task UnsupportedRequestWithNonStringIdAndLocale_IsAnswered()
    {
        var body = AlexaRequests.Envelope(new JsonObject { ["type"] = "Foo.Bar", ["requestId"] = 42, ["locale"] = new JsonArray() }).Bytes();

        var result = await Endpoint.HandleAsync(body, JsonHeaders, NoSessions, default);

        Assert.Equal(200, result.StatusCode);
    }

    [Theory]
    [InlineData(-150)]
    [InlineData(150)]
    [InlineData(0)]
    public async Task TimestampWithin150Seconds_IsAccepted(int offsetSeconds)
    {
        var unsupported = new JsonObject { ["type"] = "CanFulfillIntentRequest" };
        var body = AlexaRequests.Envelope(unsupported, timestamp: AlexaRequests.Now.AddSeconds(offsetSeconds)).Bytes();

        var result = await Endpoint.HandleAsync(body, JsonHeaders, NoSessions, default);

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task SkillIdOnlyInContext_IsChecked()
    {
        var envelope = AlexaRequests.Envelope(AlexaRequests.Launch());
        envelope.Remove("session");
        envelope["context"]!["System"]!["application"]!["applicationId"] = "amzn1.ask.skill.other";

        var result = await Endpoint.HandleAsync(envelope.Bytes(), JsonHeaders, NoSessions, default);

        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public async Task RequestWithoutAnyApplicationId_IsRejected()
    {
        var envelope = AlexaRequests.Envelope(AlexaRequests.Launch());
        envelope.Remove("session");
        envelope["context"]!["System"]!.AsObject().Remove("application");

        var result = await Endpoint.HandleAsync(envelope.Bytes(), JsonHeaders, NoSessions, default);

        Assert.Equal(400, result.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/jsonp")]
    [InlineData("application/json-evil")]
    [InlineData("application/jsonx; charset=utf-8")]
    [InlineData("application/json, text/plain")]
    public async Task WrongContentType_IsRejected(string contentType)
    {
        var body = AlexaRequests.Envelope(AlexaRequests.Launch()).Bytes();

        var result = await Endpoint.HandleAsync(body, JsonHeaders with { ContentType = contentType }, NoSessions, default);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("the content type is not application/json", (string?)JsonNode.Parse(result.Body)!["error"]);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON;charset=UTF-8")]
    public async Task JsonContentType_WithOrWithoutParameters_IsAccepted(string contentType)
    {
        var body = AlexaRequests.Envelope(AlexaRequests.SessionEnded()).Bytes();

        var result = await Endpoint.HandleAsync(body, JsonHeaders with { ContentType = contentType }, NoSessions, default);

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task SessionEnded_WhileTheDurableBackendIsDown_IsStillAnswered()
    {
        // NoSessions throws on every call, as an unreachable backend would.
        var result = await Endpoint.HandleAsync(AlexaRequests.Envelope(AlexaRequests.SessionEnded()).Bytes(), JsonHeaders, NoSessions, default);

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task AFaultOfOurs_IsA500WithNothingInIt_NeverAnEscapedException()
    {
        var clock = new Mock<TimeProvider>();
        clock.Setup(time => time.GetTimestamp()).Throws(new InvalidOperationException("secret detail /home/app/Program.cs"));
        using var host = SkillServices.Build(configure: services => services.AddSingleton(clock.Object));
        var endpoint = host.Services.GetRequiredService<SkillEndpoint>();

        var result = await endpoint.HandleAsync(AlexaRequests.Envelope(AlexaRequests.Launch()).Bytes(), JsonHeaders, NoSessions, default);

        Assert.Equal(500, result.StatusCode);
        Assert.Equal("""{"error":"internal error"}""", System.Text.Encoding.UTF8.GetString(result.Body));
    }

    [Fact]
    public async Task VerificationOn_UnsignedRequestIsRejectedBeforeParsing()
    {
        using var host = SkillServices.Build(SkillServices.DefaultSettings(verifySignatures: true));
        var endpoint = host.Services.GetRequiredService<SkillEndpoint>();

        var result = await endpoint.HandleAsync(AlexaRequests.Envelope(AlexaRequests.Launch()).Bytes(), JsonHeaders, NoSessions, default);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("request verification failed", (string?)JsonNode.Parse(result.Body)!["error"]);
    }
}
