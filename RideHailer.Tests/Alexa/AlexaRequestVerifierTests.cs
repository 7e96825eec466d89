using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Alexa;

/// <summary>"Is this a valid Alexa request for this skill", alone: no session, no rider facts, no rendering.</summary>
public sealed class AlexaRequestVerifierTests : IDisposable
{
    private static readonly AlexaRequestHeaders JsonHeaders = new(null, null, "application/json; charset=utf-8");

    private readonly IHost _host = SkillServices.Build();

    private AlexaRequestVerifier Verifier => _host.Services.GetRequiredService<AlexaRequestVerifier>();

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, byte[], RejectionCategory, string> BadBodies()
    {
        var oversized = AlexaRequests.Envelope(AlexaRequests.Launch());
        oversized["session"]!["attributes"] = new JsonObject { ["padding"] = new string('x', AlexaRequestVerifier.MaxBodyBytes) };
        var noType = AlexaRequests.Envelope(AlexaRequests.Launch());
        noType["request"]!.AsObject().Remove("type");
        return new()
        {
            { "empty body", [], RejectionCategory.Malformed, "the body is empty" },
            { "malformed JSON", "{\"version\":"u8.ToArray(), RejectionCategory.Malformed, "malformed JSON" },
            { "not an envelope", "42"u8.ToArray(), RejectionCategory.Malformed, "malformed JSON" },
            { "over 128 KiB", oversized.Bytes(), RejectionCategory.Malformed, "the body is larger than 128 KiB" },
            { "missing request type", noType.Bytes(), RejectionCategory.Malformed, "the request has no type" },
            { "another skill", AlexaRequests.Envelope(AlexaRequests.Launch(), skillId: "amzn1.ask.skill.other").Bytes(), RejectionCategory.SkillId, "the request is for another skill" },
            { "stale timestamp", AlexaRequests.Envelope(AlexaRequests.Launch(), timestamp: AlexaRequests.Now.AddSeconds(-151)).Bytes(), RejectionCategory.Timestamp, "the request timestamp is outside the 150 second window" },
            { "future timestamp", AlexaRequests.Envelope(AlexaRequests.Launch(), timestamp: AlexaRequests.Now.AddSeconds(151)).Bytes(), RejectionCategory.Timestamp, "the request timestamp is outside the 150 second window" },
        };
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInput_IsRejectedWithItsCategoryAndReason(string scenario, byte[] body, RejectionCategory category, string reason)
    {
        var verification = await Verifier.VerifyAsync(body, JsonHeaders, default);

        Assert.False(verification.IsVerified, scenario);
        Assert.Equal(category, verification.Rejection!.Category);
        Assert.StartsWith(reason, verification.Rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RejectionCategory.Malformed, "malformed JSON", "malformed JSON")]
    [InlineData(RejectionCategory.Signature, "the signature does not match", "request verification failed")]
    [InlineData(RejectionCategory.SkillId, "the request is for another skill", "request verification failed")]
    [InlineData(RejectionCategory.Timestamp, "the request has no timestamp", "request verification failed")]
    public void Rejection_TellsTheCallerWhyOnlyWhenMalformed(RejectionCategory category, string reason, string publicReason) =>
        Assert.Equal(publicReason, new AlexaRejection(category, reason).PublicReason);

    [Fact]
    public async Task ARequestRejectedAfterParsing_KeepsItsIdsForTheLog()
    {
        var body = AlexaRequests.Envelope(AlexaRequests.Launch(), skillId: "amzn1.ask.skill.other").Bytes();

        var verification = await Verifier.VerifyAsync(body, JsonHeaders, default);

        Assert.Equal(RejectionCategory.SkillId, verification.Rejection?.Category);
        Assert.False(string.IsNullOrEmpty(verification.Request?.RequestId));
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

        var verification = await Verifier.VerifyAsync(body, JsonHeaders, default);

        Assert.Equal(RejectionCategory.Timestamp, verification.Rejection?.Category);
    }

    [Theory]
    [InlineData(-150)]
    [InlineData(150)]
    [InlineData(0)]
    public async Task TimestampWithin150Seconds_IsAccepted(int offsetSeconds)
    {
        var unsupported = new JsonObject { ["type"] = "CanFulfillIntentRequest" };
        var body = AlexaRequests.Envelope(unsupported, timestamp: AlexaRequests.Now.AddSeconds(offsetSeconds)).Bytes();

        var verification = await Verifier.VerifyAsync(body, JsonHeaders, default);

        Assert.True(verification.IsVerified);
    }

    [Fact]
    public async Task SkillIdOnlyInContext_IsChecked()
    {
        var envelope = AlexaRequests.Envelope(AlexaRequests.Launch());
        envelope.Remove("session");
        envelope["context"]!["System"]!["application"]!["applicationId"] = "amzn1.ask.skill.other";

        var verification = await Verifier.VerifyAsync(envelope.Bytes(), JsonHeaders, default);

        Assert.Equal(RejectionCategory.SkillId, verification.Rejection?.Category);
    }

    [Fact]
    public async Task RequestWithoutAnyApplicationId_IsRejected()
    {
        var envelope = AlexaRequests.Envelope(AlexaRequests.Launch());
        envelope.Remove("session");
        envelope["context"]!["System"]!.AsObject().Remove("application");

        var verification = await Verifier.VerifyAsync(envelope.Bytes(), JsonHeaders, default);

        Assert.Equal(new AlexaRejection(RejectionCategory.SkillId, "the request has no application id"), verification.Rejection);
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

        var verification = await Verifier.VerifyAsync(body, JsonHeaders with { ContentType = contentType }, default);

        Assert.Equal(new AlexaRejection(RejectionCategory.Malformed, "the content type is not application/json"), verification.Rejection);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task MissingContentType_IsRejectedWithTheReason(string? contentType)
    {
        var body = AlexaRequests.Envelope(AlexaRequests.Launch()).Bytes();

        var verification = await Verifier.VerifyAsync(body, JsonHeaders with { ContentType = contentType }, default);

        Assert.Equal(new AlexaRejection(RejectionCategory.Malformed, "the Content-Type header is missing: send application/json"), verification.Rejection);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON;charset=UTF-8")]
    public async Task JsonContentType_WithOrWithoutParameters_IsAccepted(string contentType)
    {
        var body = AlexaRequests.Envelope(AlexaRequests.SessionEnded()).Bytes();

        var verification = await Verifier.VerifyAsync(body, JsonHeaders with { ContentType = contentType }, default);

        Assert.True(verification.IsVerified);
    }

    [Fact]
    public async Task VerificationOn_UnsignedRequestIsRejectedBeforeParsing()
    {
        using var host = SkillServices.Build(SkillServices.DefaultSettings(verifySignatures: true));
        var verifier = host.Services.GetRequiredService<AlexaRequestVerifier>();

        // Not JSON at all: parsed first, it would be rejected as Malformed.
        var verification = await verifier.VerifyAsync("{\"version\": \"1.0\", \"request\": {"u8.ToArray(), JsonHeaders, default);

        Assert.Equal(RejectionCategory.Signature, verification.Rejection?.Category);
        Assert.Null(verification.Request);
    }
}
