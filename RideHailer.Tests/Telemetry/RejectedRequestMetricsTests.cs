using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.Telemetry;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Telemetry;

namespace RideHailer.Tests.Telemetry;

public sealed class RejectedRequestMetricsTests
{
    private static readonly AlexaRequestHeaders JsonHeaders = new(null, null, "application/json");

    /// <summary>Strict: a rejected request must never reach a session.</summary>
    private static readonly DurableTaskClient NoSessions = new Mock<DurableTaskClient>(MockBehavior.Strict, "strict").Object;

    public static TheoryData<string, byte[], string> Rejections()
    {
        var noRequestId = AlexaRequests.Envelope(AlexaRequests.Launch());
        noRequestId["request"]!.AsObject().Remove("requestId");
        return new()
        {
            { "empty body", [], "malformed" },
            { "not JSON", "{\"version\":"u8.ToArray(), "malformed" },
            { "no request id", noRequestId.Bytes(), "malformed" },
            { "another skill", AlexaRequests.Envelope(AlexaRequests.Launch(), skillId: "amzn1.ask.skill.other").Bytes(), "skill-id" },
            { "stale", AlexaRequests.Envelope(AlexaRequests.Launch(), timestamp: AlexaRequests.Now.AddSeconds(-151)).Bytes(), "timestamp" },
            { "unsupported, numeric timestamp", AlexaRequests.Envelope(new JsonObject { ["type"] = "Foo.Bar", ["timestamp"] = 1 }).Bytes(), "timestamp" },
        };
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task RejectedRequest_IsCountedOnceUnderItsCategory(string scenario, byte[] body, string category)
    {
        using var host = SkillServices.Build();
        using var instruments = new SkillInstruments(host.Services);

        var result = await host.Services.GetRequiredService<SkillEndpoint>().HandleAsync(body, JsonHeaders, NoSessions, default);

        Assert.True(result.StatusCode == 400, scenario);
        var rejection = Assert.Single(instruments.RejectedRequests.GetMeasurementSnapshot());
        Assert.Equal(1, rejection.Value);
        Assert.Equal(category, rejection.Tags[MetricTags.Category]);
        Assert.Empty(instruments.TurnDuration.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task UnsignedRequest_IsCountedAsASignatureRejection()
    {
        using var host = SkillServices.Build(SkillServices.DefaultSettings(verifySignatures: true));
        using var instruments = new SkillInstruments(host.Services);

        var result = await host.Services.GetRequiredService<SkillEndpoint>()
            .HandleAsync(AlexaRequests.Envelope(AlexaRequests.Launch()).Bytes(), JsonHeaders, NoSessions, default);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("signature", Assert.Single(instruments.RejectedRequests.GetMeasurementSnapshot()).Tags[MetricTags.Category]);
    }

    [Fact]
    public async Task AcceptedRequest_IsNotCountedAsRejected()
    {
        using var host = SkillServices.Build();
        using var instruments = new SkillInstruments(host.Services);
        var unsupported = AlexaRequests.Envelope(new JsonObject { ["type"] = "CanFulfillIntentRequest" }).Bytes();

        var result = await host.Services.GetRequiredService<SkillEndpoint>().HandleAsync(unsupported, JsonHeaders, NoSessions, default);

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(instruments.RejectedRequests.GetMeasurementSnapshot());
    }
}
