using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RideHailer.Domain;
using RideHailer.Skill;
using RideHailer.Skill.Telemetry;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Telemetry;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Telemetry;

/// <summary>What a whole session through the endpoint and the real orchestration records, and what it never does.</summary>
public sealed class SessionTelemetryTests
{
    [Fact]
    public async Task BookedSession_RecordsEachTurnOneConsentOnePinAndOneBooking()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        using var instruments = new SkillInstruments(skill.Services);

        await BookWithConsentAsync(skill.NewSession());

        var turns = instruments.TurnDuration.GetMeasurementSnapshot();
        Assert.Equal(
            [nameof(Launch), nameof(RideRequested), nameof(ConsentResolved), nameof(Yes), nameof(PinResolved)],
            turns.Select(turn => turn.Tags[MetricTags.Turn]));
        Assert.All(turns, turn => Assert.Equal("replied", turn.Tags[MetricTags.Outcome]));
        Assert.All(turns, turn => Assert.True(turn.Value >= 0));

        var consent = Assert.Single(instruments.ConsentResults.GetMeasurementSnapshot());
        Assert.Equal(1, consent.Value);
        Assert.True(consent.MatchesTags(Tag(MetricTags.Code, "200"), Tag(MetricTags.Status, "ACCEPTED")));

        var pin = Assert.Single(instruments.PinResults.GetMeasurementSnapshot());
        Assert.True(pin.MatchesTags(Tag(MetricTags.Code, "200"), Tag(MetricTags.Status, "ACHIEVED"), Tag(MetricTags.Reason, MetricTags.None)));

        Assert.Equal(1, SkillInstruments.Total(instruments.Bookings));
        Assert.Single(await skill.BookingsAsync());
        Assert.Empty(instruments.RejectedRequests.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task DuplicatePinResume_CountsNoSecondBooking()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        using var instruments = new SkillInstruments(skill.Services);
        var alexa = await skill.AtThePinAsync();
        var pinToken = alexa.LastToken;
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);

        // Alexa retries the same request, then a stray resume arrives again with the same token.
        Assert.StartsWith("Great.", Speech(await alexa.RepeatLastAsync()), StringComparison.Ordinal);
        await alexa.PinResultAsync("200", "ACHIEVED", level: 400, token: pinToken);

        Assert.Equal(1, SkillInstruments.Total(instruments.Bookings));
        Assert.Single(await skill.BookingsAsync());
    }

    [Fact]
    public async Task ConsentAndPinFailures_AreCountedByCodeStatusAndReason()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        using var instruments = new SkillInstruments(skill.Services);

        var denied = skill.NewSession();
        await denied.OrderAsync("the Space Needle");
        await denied.ConsentResultAsync("204", null);
        var lockedOut = await skill.AtThePinAsync();
        await lockedOut.PinResultAsync("200", "NOT_ACHIEVED", "METHOD_LOCKOUT", 300);

        var consent = Assert.Single(instruments.ConsentResults.GetMeasurementSnapshot());
        Assert.True(consent.MatchesTags(Tag(MetricTags.Code, "204"), Tag(MetricTags.Status, MetricTags.None)));
        var pin = Assert.Single(instruments.PinResults.GetMeasurementSnapshot());
        Assert.True(pin.MatchesTags(Tag(MetricTags.Code, "200"), Tag(MetricTags.Status, "NOT_ACHIEVED"), Tag(MetricTags.Reason, "METHOD_LOCKOUT")));
        Assert.Equal(0, SkillInstruments.Total(instruments.Bookings));
    }

    [Fact]
    public async Task TagValues_NeverCarryTokensIdsOrPersonalData()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        using var instruments = new SkillInstruments(skill.Services);
        var alexa = skill.NewSession();

        await BookWithConsentAsync(alexa);
        await alexa.SessionEndedAsync();

        string[] secrets =
        [
            AlexaSession.ApiAccessToken, AlexaSession.LinkedAccountToken, AlexaSession.PersonAccessToken, AlexaSession.ConsentToken,
            alexa.SessionId, SessionInstanceId.For(alexa.SessionId), alexa.LastToken!, "amzn1.ask.person.jane", "amzn1.ask.account.jane",
            "amzn1.ask.device.kitchen", "Jane", "2065550142", "400 Broad St", "Seattle", "Space Needle", "space-needle",
        ];
        var values = instruments.TagValues().ToList();
        Assert.NotEmpty(values);
        Assert.All(values, value =>
        {
            Assert.NotNull(value);
            Assert.Matches("^([A-Za-z_-]+|[0-9]{3})$", value);
            Assert.DoesNotContain(secrets, secret => value.Contains(secret, StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public async Task EveryLogLineOfARequest_CarriesItsRequestIdAndHashedSessionId()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory, configure: services => services.AddFakeLogging());
        var logs = skill.Services.GetRequiredService<FakeLogCollector>();
        var alexa = await skill.AtThePinAsync();
        logs.Clear();

        await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        var requestId = (string)alexa.LastRequest!["request"]!["requestId"]!;
        var endpointLines = logs.GetSnapshot().Where(log => log.Category is { } category &&
            (category == typeof(SkillEndpoint).FullName || category == typeof(SessionRouter).FullName)).ToList();
        Assert.Contains(endpointLines, log => log.Id.Id == 4 && log.Level == LogLevel.Information);
        Assert.All(endpointLines, log =>
        {
            var scope = Assert.Single(
                log.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().Select(values => values.ToDictionary()),
                values => values.ContainsKey("SessionInstanceId"));
            Assert.Equal(requestId, scope["AlexaRequestId"]);
            Assert.Equal(SessionInstanceId.For(alexa.SessionId), scope["SessionInstanceId"]);
        });
        Assert.DoesNotContain(logs.GetSnapshot(), log => log.Scopes.Any(scope => scope?.ToString()?.Contains(alexa.SessionId, StringComparison.Ordinal) == true));
    }

    private static async Task BookWithConsentAsync(AlexaSession alexa)
    {
        await alexa.LaunchAsync();
        AssertStartConnection(await alexa.OrderAsync("the Space Needle"), "connection://AMAZON.AskForPermissionsConsent/2");
        Assert.EndsWith("Do you want me to book it?", Speech(await alexa.ConsentResultAsync("200", "ACCEPTED")), StringComparison.Ordinal);
        AssertStartConnection(await alexa.YesAsync(), "connection://AMAZON.VerifyPerson/2");
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
