using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Tests.Alexa;

public sealed class AlexaErrorReportTests
{
    [Fact]
    public void ExceptionEncountered_IsReportedWithTheRequestItIsAbout()
    {
        var request = new ExceptionEncounteredRequest(new SystemError("INVALID_RESPONSE", "Invalid directive"), new ErrorCause("r1"));

        Assert.Equal(
            new AlexaErrorReport(AlexaErrorReport.ExceptionEncountered, "INVALID_RESPONSE", "Invalid directive", "r1"),
            AlexaErrorReport.From(request));
    }

    [Fact]
    public void SessionEndedByAnError_IsReported()
    {
        var request = new SessionEndedRequest("ERROR", new SessionEndedError("ENDPOINT_TIMEOUT", "The skill took too long."));

        Assert.Equal(
            new AlexaErrorReport(AlexaErrorReport.SessionEnded, "ENDPOINT_TIMEOUT", "The skill took too long.", null),
            AlexaErrorReport.From(request));
    }

    [Theory]
    [InlineData("USER_INITIATED")]
    [InlineData("EXCEEDED_MAX_REPROMPTS")]
    [InlineData(null)]
    public void SessionEndedOtherwise_IsNoReport(string? reason) =>
        Assert.Null(AlexaErrorReport.From(new SessionEndedRequest(reason, null)));

    [Fact]
    public void OtherRequests_AreNoReport()
    {
        Assert.Null(AlexaErrorReport.From(new LaunchRequest()));
        Assert.Null(AlexaErrorReport.From(new UnsupportedRequest("Foo.Bar")));
    }

    [Fact]
    public void ErrorWithoutDetails_IsStillReported()
    {
        var report = AlexaErrorReport.From(new ExceptionEncounteredRequest(null, null))!;

        Assert.Equal(AlexaErrorReport.ExceptionEncountered, report.Request);
        Assert.Null(report.ErrorType);
        Assert.Null(report.Message);
    }

    [Fact]
    public void LongMessage_IsCutWithoutSplittingACharacter()
    {
        // A taxi emoji is two UTF-16 units; one straddles the cut.
        var message = new string('x', AlexaErrorReport.MaxTextLength - 1) + "\U0001F695" + new string('y', 1000);

        var report = AlexaErrorReport.From(new SessionEndedRequest("ERROR", new SessionEndedError(new string('T', 2000), message)))!;

        Assert.Equal(new string('x', AlexaErrorReport.MaxTextLength - 1) + "…", report.Message);
        Assert.Equal(new string('T', AlexaErrorReport.MaxTextLength) + "…", report.ErrorType);
    }
}
