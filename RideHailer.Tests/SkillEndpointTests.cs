using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Verify;
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

    [Theory]
    [InlineData("malformed JSON", "malformed JSON")]
    [InlineData("another skill", "request verification failed")]
    [InlineData("stale timestamp", "request verification failed")]
    public async Task ARejectedRequest_IsA400WithItsPublicReason_AndReachesNoSession(string scenario, string reason)
    {
        var body = scenario switch
        {
            "malformed JSON" => "{\"version\":"u8.ToArray(),
            "another skill" => AlexaRequests.Envelope(AlexaRequests.Launch(), skillId: "amzn1.ask.skill.other").Bytes(),
            _ => AlexaRequests.Envelope(AlexaRequests.Launch(), timestamp: AlexaRequests.Now.AddSeconds(-151)).Bytes(),
        };

        var result = await Endpoint.HandleAsync(body, JsonHeaders, NoSessions, default);

        Assert.Equal(400, result.StatusCode);
        Assert.StartsWith(reason, (string?)JsonNode.Parse(result.Body)!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedRequestWithNonStringIdAndLocale_IsAnswered()
    {
        var body = AlexaRequests.Envelope(new JsonObject { ["type"] = "Foo.Bar", ["requestId"] = 42, ["locale"] = new JsonArray() }).Bytes();

        var result = await Endpoint.HandleAsync(body, JsonHeaders, NoSessions, default);

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task SessionEndedWithJsonContentType_IsAnswered()
    {
        var body = AlexaRequests.Envelope(AlexaRequests.SessionEnded()).Bytes();

        var result = await Endpoint.HandleAsync(body, JsonHeaders with { ContentType = "Application/JSON;charset=UTF-8" }, NoSessions, default);

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

        // Not JSON at all: parsed first, it would be refused as malformed, with the parser's reason.
        var result = await endpoint.HandleAsync("{\"version\": \"1.0\", \"request\": {"u8.ToArray(), JsonHeaders, NoSessions, default);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("request verification failed", (string?)JsonNode.Parse(result.Body)!["error"]);
    }
}
