using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Moq;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.Telemetry;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Telemetry;

namespace RideHailer.Tests.Telemetry;

/// <summary>Alexa's reports that a response of the skill's failed: answered, counted and logged as warnings.</summary>
public sealed class AlexaErrorTelemetryTests : IDisposable
{
    private static readonly AlexaRequestHeaders JsonHeaders = new(null, null, "application/json");

    private readonly IHost _host = SkillServices.Build(configure: services => services.AddFakeLogging());

    private SkillEndpoint Endpoint => _host.Services.GetRequiredService<SkillEndpoint>();

    private FakeLogCollector Logs => _host.Services.GetRequiredService<FakeLogCollector>();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ExceptionEncountered_IsAnsweredEmptyCountedAndLogged()
    {
        using var instruments = new SkillInstruments(_host.Services);
        var body = ExceptionEncountered("INVALID_RESPONSE", "Invalid response: outputSpeech.text is missing", out var requestId).Bytes();

        // Strict: Alexa expects no answer and no session hears of it.
        var result = await Endpoint.HandleAsync(body, JsonHeaders, new Mock<DurableTaskClient>(MockBehavior.Strict, "strict").Object, default);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("""{"version":"1.0","response":{}}""", Encoding.UTF8.GetString(result.Body));
        var error = Assert.Single(instruments.AlexaErrors.GetMeasurementSnapshot());
        Assert.Equal(1, error.Value);
        Assert.True(error.MatchesTags(Tag(MetricTags.Request, "ExceptionEncountered"), Tag(MetricTags.ErrorType, "INVALID_RESPONSE")));
        var warning = Assert.Single(Logs.GetSnapshot(), log => log.Id.Name == "AlexaReportedError");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("INVALID_RESPONSE", warning.GetStructuredStateValue("ErrorType"));
        Assert.Equal("Invalid response: outputSpeech.text is missing", warning.GetStructuredStateValue("ErrorMessage"));
        Assert.Equal(requestId, warning.GetStructuredStateValue("RequestId"));
        Assert.Equal("amzn1.echo-api.request.earlier", warning.GetStructuredStateValue("CauseRequestId"));
    }

    [Fact]
    public async Task SessionEndedByAnError_IsCountedAndLogged()
    {
        using var instruments = new SkillInstruments(_host.Services);
        var ended = AlexaRequests.SessionEnded("ERROR");
        ended["error"] = new JsonObject { ["type"] = "ENDPOINT_TIMEOUT", ["message"] = "The skill did not answer in time." };
        var envelope = AlexaRequests.Envelope(ended, newSession: false);

        var result = await Endpoint.HandleAsync(envelope.Bytes(), JsonHeaders, new Mock<DurableTaskClient>("loose").Object, default);

        Assert.Equal(200, result.StatusCode);
        var error = Assert.Single(instruments.AlexaErrors.GetMeasurementSnapshot());
        Assert.True(error.MatchesTags(Tag(MetricTags.Request, "SessionEnded"), Tag(MetricTags.ErrorType, "ENDPOINT_TIMEOUT")));
        var warning = Assert.Single(Logs.GetSnapshot(), log => log.Id.Name == "AlexaReportedError");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("The skill did not answer in time.", warning.GetStructuredStateValue("ErrorMessage"));
        Assert.Equal((string?)ended["requestId"], warning.GetStructuredStateValue("RequestId"));
    }

    [Fact]
    public async Task UnknownErrorType_IsCountedAsOtherAndItsTextStaysInTheLog()
    {
        using var instruments = new SkillInstruments(_host.Services);
        var body = ExceptionEncountered("SOMETHING_NEW", new string('m', 2000), out _).Bytes();

        var result = await Endpoint.HandleAsync(body, JsonHeaders, new Mock<DurableTaskClient>("loose").Object, default);

        Assert.Equal(200, result.StatusCode);
        Assert.True(Assert.Single(instruments.AlexaErrors.GetMeasurementSnapshot()).MatchesTags(Tag(MetricTags.Request, "ExceptionEncountered"), Tag(MetricTags.ErrorType, MetricTags.Other)));
        var warning = Assert.Single(Logs.GetSnapshot(), log => log.Id.Name == "AlexaReportedError");
        Assert.Equal("SOMETHING_NEW", warning.GetStructuredStateValue("ErrorType"));
        Assert.Equal(501, warning.GetStructuredStateValue("ErrorMessage")!.Length);
    }

    [Fact]
    public async Task SessionEndedByTheUser_IsNoError()
    {
        using var instruments = new SkillInstruments(_host.Services);

        var result = await Endpoint.HandleAsync(
            AlexaRequests.Envelope(AlexaRequests.SessionEnded(), newSession: false).Bytes(), JsonHeaders, new Mock<DurableTaskClient>("loose").Object, default);

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(instruments.AlexaErrors.GetMeasurementSnapshot());
        Assert.DoesNotContain(Logs.GetSnapshot(), log => log.Id.Name == "AlexaReportedError");
    }

    [Theory]
    [InlineData("""{"type":"System.ExceptionEncountered","requestId":"r","timestamp":"2026-11-25T12:00:00Z","error":"INVALID_RESPONSE"}""")]
    [InlineData("""{"type":"System.ExceptionEncountered","requestId":"r","timestamp":1764072000}""")]
    [InlineData("""{"type":"SessionEndedRequest","requestId":"r","timestamp":"2026-11-25T12:00:00Z","reason":"ERROR","error":[]}""")]
    public async Task MalformedErrorReport_IsA400NotA500(string request)
    {
        var envelope = AlexaRequests.Envelope(AlexaRequests.Launch());
        envelope["request"] = "__request__";

        var result = await Endpoint.HandleAsync(
            envelope.Splice("__request__", request), JsonHeaders, new Mock<DurableTaskClient>(MockBehavior.Strict, "strict").Object, default);

        Assert.Equal(400, result.StatusCode);
    }

    /// <summary>Amazon's System.ExceptionEncountered: no session, the error, and the request whose response it was.</summary>
    private static JsonObject ExceptionEncountered(string type, string message, out string requestId)
    {
        var request = new JsonObject
        {
            ["type"] = "System.ExceptionEncountered",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
            ["cause"] = new JsonObject { ["requestId"] = "amzn1.echo-api.request.earlier" },
        };
        var envelope = AlexaRequests.Envelope(request);
        envelope.Remove("session");
        requestId = (string)request["requestId"]!;
        return envelope;
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
