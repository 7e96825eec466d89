using System.Text;
using System.Text.Json.Nodes;
using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Pin;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Alexa;

/// <summary>What each of Alexa's connection codes, statuses and reasons becomes in the Domain: the wire half of DESIGN.md's result tables.</summary>
public sealed class TurnReaderTests
{
    private const string ConsentToken = "consent.nonce-1";
    private const string PinToken = "pin.nonce-1";

    public static TheoryData<string, string?, ConsentOutcome> ConsentRows => new()
    {
        { "200", "ACCEPTED", ConsentOutcome.Accepted },
        { "200", "accepted", ConsentOutcome.Accepted },
        { " 200 ", " Accepted ", ConsentOutcome.Accepted },
        { "200", "DENIED", ConsentOutcome.Denied },
        { "200", "NOT_ANSWERED", ConsentOutcome.NotAnswered },
        { "204", null, ConsentOutcome.NotAnswered },
        { "204", "NOT_ANSWERED", ConsentOutcome.NotAnswered },
        { "200", "REDIRECT_TO_APP", ConsentOutcome.RedirectToApp },
        { "400", null, ConsentOutcome.Failed },
        { "403", null, ConsentOutcome.Failed },
        { "404", null, ConsentOutcome.Failed },
        { "500", null, ConsentOutcome.Failed },
        { "503", "ACCEPTED", ConsentOutcome.Failed },
        { "200", "SOMETHING_NEW", ConsentOutcome.Failed },
        { "200", null, ConsentOutcome.Failed },
        { "", null, ConsentOutcome.Failed },
    };

    public static TheoryData<string, string?, string?, PinVerification> PinRows => new()
    {
        { "200", "ACHIEVED", null, PinVerification.Achieved },
        { "200", "achieved", null, PinVerification.Achieved },
        { "200", "NOT_ENABLED", null, PinVerification.NotEnabled },
        { "200", "NOT_ACHIEVED", "METHOD_LOCKOUT", PinVerification.LockedOut },
        { "200", "NOT_ACHIEVED", "VERIFICATION_METHOD_NOT_SETUP", PinVerification.NotSetUp },
        { "200", "NOT_ACHIEVED", "NOT_MATCH", PinVerification.NoMatch },
        { " 200", "not_achieved ", " not_match", PinVerification.NoMatch },
        { "200", "NOT_ACHIEVED", "PREREQUISITE_NOT_SETUP_ERROR", PinVerification.NotAchieved },
        { "200", "NOT_ACHIEVED", null, PinVerification.NotAchieved },
        { "200", "SOMETHING_NEW", null, PinVerification.NotAchieved },
        { "200", null, null, PinVerification.NotAchieved },
        { "400", "ACHIEVED", null, PinVerification.ConnectionFailed },
        { "403", null, null, PinVerification.ConnectionFailed },
        { "404", "NOT_ENABLED", null, PinVerification.ConnectionFailed },
        { "500", null, null, PinVerification.ConnectionFailed },
        { "", null, null, PinVerification.ConnectionFailed },
    };

    [Theory]
    [MemberData(nameof(ConsentRows))]
    public void ConsentResume_ReadsCodeAndStatusIntoTheOutcome(string code, string? status, ConsentOutcome outcome)
    {
        var result = new JsonObject { ["status"] = status };

        var turn = TurnReader.Read(Resumed(ConsentToken, code, result));

        Assert.Equal(new ConsentResolved(ConsentToken, outcome), turn);
    }

    [Theory]
    [MemberData(nameof(PinRows))]
    public void PinResume_ReadsCodeStatusAndReasonIntoTheVerification(string code, string? status, string? reason, PinVerification verification)
    {
        var result = new JsonObject { ["status"] = status, ["reason"] = reason };

        var turn = TurnReader.Read(Resumed(PinToken, code, result, person: Person(400)));

        Assert.Equal(new PinResolved(PinToken, verification, 400, true), turn);
    }

    [Fact]
    public void PinResume_WithoutPerson_SaysNoPersonAndNoLevel()
    {
        var turn = TurnReader.Read(Resumed(PinToken, "200", new JsonObject { ["status"] = "ACHIEVED" }));

        Assert.Equal(new PinResolved(PinToken, PinVerification.Achieved, null, false), turn);
    }

    [Fact]
    public void Resume_WithATokenNotTheSkills_IsUnmatched()
    {
        var turn = TurnReader.Read(Resumed("someone-else", "200", new JsonObject { ["status"] = "ACCEPTED" }));

        Assert.IsType<UnmatchedResume>(turn);
    }

    private static JsonObject Person(int level) => new JsonObject
    {
        ["personId"] = "amzn1.ask.person.test",
        ["authenticationConfidenceLevel"] = new JsonObject { ["level"] = level },
    };

    /// <summary>A SessionResumedRequest for <paramref name="token"/>; an empty code leaves cause.status out.</summary>
    private static AlexaRequest Resumed(string token, string code, JsonObject result, JsonObject? person = null)
    {
        var cause = new JsonObject { ["type"] = "ConnectionCompleted", ["token"] = token, ["result"] = result };
        if (code.Length > 0)
        {
            cause["status"] = new JsonObject { ["code"] = code, ["message"] = "OK" };
        }

        var envelope = AlexaRequests.Envelope(new JsonObject { ["type"] = "SessionResumedRequest", ["cause"] = cause }, newSession: false);
        if (person is not null)
        {
            envelope["context"]!["System"]!["person"] = person;
        }

        Assert.True(AlexaRequestParser.TryParse(Encoding.UTF8.GetBytes(envelope.ToJsonString()), out var request, out var reason), reason);
        return request;
    }

    [Theory]
    [InlineData("2", null, 2, null)]
    [InlineData("1", "", 1, null)]
    [InlineData(null, "Everett", null, "Everett")]
    [InlineData("second", " the one in Everett ", null, "the one in Everett")]
    [InlineData(null, null, null, null)]
    public void ChoosePlaceIntent_ReadsThePositionAsDigitsAndThePlaceAsSaid(string? position, string? place, int? expectedPosition, string? expectedSaid)
    {
        var slots = new List<(string, string)>();
        if (position is not null)
        {
            slots.Add((TurnReader.PositionSlot, position));
        }

        if (place is not null)
        {
            slots.Add((TurnReader.PlaceSlot, place));
        }

        var turn = Read(AlexaRequests.Intent(TurnReader.ChoosePlaceIntent, [.. slots]));

        Assert.Equal(new PlaceChosen(expectedPosition, expectedSaid), turn);
    }

    [Fact]
    public void RideHomeIntent_IsARideHome() =>
        Assert.IsType<RideHomeRequested>(Read(AlexaRequests.Intent(TurnReader.RideHomeIntent)));

    [Fact]
    public void FreeFormDestination_NoMatch_IsTheWordsWithoutAPlaceId()
    {
        // A custom slot type passes words it does not know through: the value is what was said, with ER_SUCCESS_NO_MATCH.
        var intent = AlexaRequests.Intent(TurnReader.OrderRideIntent, (TurnReader.DestinationSlot, "400 Broad Street"));
        intent["intent"]!["slots"]![TurnReader.DestinationSlot]!["resolutions"] = JsonNode.Parse("""
            {"resolutionsPerAuthority":[{"authority":"amzn1.er-authority.echo-sdk.test.PlaceName","status":{"code":"ER_SUCCESS_NO_MATCH"}}]}
            """);

        Assert.Equal(new RideRequested("400 Broad Street", null), Read(intent));
    }

    private static Turn? Read(JsonObject request)
    {
        Assert.True(AlexaRequestParser.TryParse(AlexaRequests.Envelope(request).Bytes(), out var parsed, out var reason), reason);
        return TurnReader.Read(parsed);
    }
}
