using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Tests.Telemetry;

public sealed class MetricTagsTests
{
    [Theory]
    [InlineData("200", "200")]
    [InlineData(" 204 ", "204")]
    [InlineData("500", "500")]
    [InlineData(null, MetricTags.None)]
    [InlineData("", MetricTags.None)]
    [InlineData("2000", MetricTags.Other)]
    [InlineData("OK", MetricTags.Other)]
    [InlineData("amzn1.ask.account.jane", MetricTags.Other)]
    public void StatusCode_KeepsThreeDigitsOnly(string? code, string tag) => Assert.Equal(tag, MetricTags.StatusCode(code));

    [Theory]
    [InlineData("ACCEPTED", "ACCEPTED")]
    [InlineData("denied", "DENIED")]
    [InlineData("NOT_ANSWERED", "NOT_ANSWERED")]
    [InlineData("REDIRECT_TO_APP", "REDIRECT_TO_APP")]
    [InlineData(null, MetricTags.None)]
    [InlineData("ACHIEVED", MetricTags.Other)]
    [InlineData("consent-token-secret", MetricTags.Other)]
    public void ConsentStatus_IsOneOfTheGuidesValues(string? status, string tag) => Assert.Equal(tag, MetricTags.ConsentStatus(status));

    [Theory]
    [InlineData("ACHIEVED", "ACHIEVED")]
    [InlineData("NOT_ACHIEVED", "NOT_ACHIEVED")]
    [InlineData("not_enabled", "NOT_ENABLED")]
    [InlineData("  ", MetricTags.None)]
    [InlineData("ACCEPTED", MetricTags.Other)]
    public void PinStatus_IsOneOfTheGuidesValues(string? status, string tag) => Assert.Equal(tag, MetricTags.PinStatus(status));

    [Theory]
    [InlineData("METHOD_LOCKOUT", "METHOD_LOCKOUT")]
    [InlineData("VERIFICATION_METHOD_NOT_SETUP", "VERIFICATION_METHOD_NOT_SETUP")]
    [InlineData("NOT_MATCH", "NOT_MATCH")]
    [InlineData("PREREQUISITE_NOT_SETUP_ERROR", "PREREQUISITE_NOT_SETUP_ERROR")]
    [InlineData(null, MetricTags.None)]
    [InlineData("Jane said 2065550142", MetricTags.Other)]
    public void PinReason_IsOneOfTheGuidesValues(string? reason, string tag) => Assert.Equal(tag, MetricTags.PinReason(reason));

    [Theory]
    [InlineData("INVALID_RESPONSE", "INVALID_RESPONSE")]
    [InlineData("DEVICE_COMMUNICATION_ERROR", "DEVICE_COMMUNICATION_ERROR")]
    [InlineData("internal_service_error", "INTERNAL_SERVICE_ERROR")]
    [InlineData("ENDPOINT_TIMEOUT", "ENDPOINT_TIMEOUT")]
    [InlineData(null, MetricTags.None)]
    [InlineData("The response was invalid", MetricTags.Other)]
    public void AlexaErrorType_IsOneOfAlexasValues(string? type, string tag) => Assert.Equal(tag, MetricTags.AlexaErrorType(type));

    [Fact]
    public void CategoriesAndOutcomes_HaveDistinctNames()
    {
        var categories = Enum.GetValues<RejectionCategory>().Select(MetricTags.CategoryOf).ToList();
        var outcomes = Enum.GetValues<TurnAnswerKind>().Select(MetricTags.OutcomeOf).ToList();

        Assert.Equal(["signature", "timestamp", "skill-id", "malformed"], categories);
        Assert.Equal(["replied", "timed-out", "failed", "shed"], outcomes);
    }
}
