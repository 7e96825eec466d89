using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Read.Requests;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support;
using static RideHailer.Tests.Support.SkillPackage.AmazonTypeCheck;

namespace RideHailer.Tests.SkillEvents;

/// <summary>
/// <c>AlexaSkillEvent.*</c> at the skill's endpoint: verified like any request (an hour's timestamp window instead of
/// 150 s), answered 200 with no speech and no session, and logged without the user id or token.
/// </summary>
public sealed class SkillEventEndpointTests
{
    public static TheoryData<string> Types() => [.. SkillEventRequests.Types];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task SkillEvent_IsAnsweredWithNoSpeechOutsideAnySession(string type)
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);

        var response = await skill.PostAsync(SkillEventRequests.Envelope(type, DateTimeOffset.UtcNow));

        Assert.Equal("1.0", (string?)response["version"]);
        Assert.Null(response["response"]!["outputSpeech"]);
        Assert.Null(response["response"]!["shouldEndSession"]);
        Assert.Null(response["response"]!["directives"]);
        Assert.Empty(await skill.BookingsAsync());
        var logs = string.Join('\n', skill.Recorded.Logs);
        Assert.Contains("Skill event " + type, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(SkillEventRequests.UserId, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(SkillEventRequests.AccessToken, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkillEventAnswers_AreAskSdkModelResponseEnvelopes()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var literals = new List<Literal>();
        foreach (var type in SkillEventRequests.Types)
        {
            literals.Add(new Literal(type, ResponseType, (await skill.PostAsync(SkillEventRequests.Envelope(type, DateTimeOffset.UtcNow))).ToJsonString()));
        }

        Assert.Empty(await CheckAsync(literals));
    }

    [Fact]
    public void PermissionEvent_ReadsTheScopesGrantedAtAccountAndPersonLevel_Apart()
    {
        var body = SkillEventRequests.Envelope("AlexaSkillEvent.SkillPermissionChanged", AlexaRequests.Now).Bytes();

        Assert.True(AlexaRequestParser.TryParse(body, out var request, out var failure), failure);
        var skillEvent = Assert.IsType<SkillEventRequest>(request.Request);
        Assert.Equal(["alexa::profile:given_name:read", "alexa::devices:all:geolocation:read"], skillEvent.AccountScopes);
        Assert.Equal(["alexa::profile:mobile_number:read"], skillEvent.PersonScopes);
        Assert.Equal(SkillEventRequests.UserId, request.UserId);
        Assert.Null(request.SessionId);
    }

    [Theory]
    [InlineData("AlexaSkillEvent.SkillDisabled", -59, true)]
    [InlineData("AlexaSkillEvent.SkillDisabled", -61, false)]
    [InlineData("AlexaSkillEvent.SkillPermissionChanged", 59, true)]
    [InlineData("AlexaSkillEvent.SkillPermissionChanged", 61, false)]
    public void SkillEventTimestamp_IsAcceptedWithinAnHour(string type, int minutes, bool accepted)
    {
        var body = SkillEventRequests.Envelope(type, AlexaRequests.Now.AddMinutes(minutes)).Bytes();
        Assert.True(AlexaRequestParser.TryParse(body, out var request, out var failure), failure);

        Assert.Equal(accepted, RequestRules.CheckTimestamp(request, AlexaRequests.Now) is null);
    }

    [Fact]
    public void OtherRequestTimestamp_KeepsThe150SecondWindow()
    {
        var body = AlexaRequests.Envelope(AlexaRequests.Launch(), timestamp: AlexaRequests.Now.AddMinutes(-30)).Bytes();
        Assert.True(AlexaRequestParser.TryParse(body, out var request, out var failure), failure);

        Assert.Equal("the request timestamp is outside the 150 second window", RequestRules.CheckTimestamp(request, AlexaRequests.Now));
    }

    [Fact]
    public async Task SkillEventForAnotherSkill_IsRejected()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var envelope = SkillEventRequests.Envelope("AlexaSkillEvent.SkillDisabled", DateTimeOffset.UtcNow);
        envelope["context"]!["System"]!["application"]!["applicationId"] = "amzn1.ask.skill.other";

        var (status, _) = await skill.PostRawAsync(envelope.Bytes());

        Assert.Equal(400, status);
    }
}
