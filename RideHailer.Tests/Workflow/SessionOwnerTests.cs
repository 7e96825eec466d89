using RideHailer.Tests.Support;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>A session belongs to the Alexa user (and recognised person) who opened it; anyone else's turn changes nothing.</summary>
public abstract class SessionOwnerTests(BackendUnderTest backend)
{
    private const string Ended = "This conversation has ended. To book a ride, say: Alexa, open Ride Hailer.";

    [Fact]
    public async Task AnotherUsersPinResult_WithTheSessionsIdAndPendingToken_BooksNothing()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();
        var owner = alexa.Rider;

        alexa.Rider = owner with { UserId = "amzn1.ask.account.mallory", PersonId = "amzn1.ask.person.mallory" };
        var refused = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.Equal(Ended, Speech(refused));
        Assert.True((bool)refused["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
        Assert.Contains(skill.Recorded.Logs, log => log.Contains("comes from another Alexa user or person", StringComparison.Ordinal));

        alexa.Rider = owner;
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
        Assert.Single(await skill.BookingsAsync());
    }

    [Fact]
    public async Task AnotherRecognisedPersonOnTheSameAccount_CannotCarryTheSessionOn()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();

        alexa.Rider = alexa.Rider with { PersonId = "amzn1.ask.person.john" };
        var refused = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.Equal(Ended, Speech(refused));
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task AnotherUser_AskingAFinishedSession_HearsNothingOfTheBooking()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();
        await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        alexa.Rider = alexa.Rider with { UserId = "amzn1.ask.account.mallory", PersonId = null };
        var response = await alexa.YesAsync();

        Assert.Equal(Ended, Speech(response));
        Assert.Null(response["response"]!["card"]);
        Assert.Single(await skill.BookingsAsync());
    }

    [Fact]
    public async Task TheOwnersTurnWithoutARecognisedSpeaker_StillCarriesOn()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });
        await alexa.OrderAsync("the Space Needle");

        alexa.Rider = alexa.Rider with { PersonId = null, PersonLinked = false };
        var pin = await alexa.YesAsync();

        AssertStartConnection(pin, "connection://AMAZON.VerifyPerson/2");
    }

    [Fact]
    public void Caller_KeepsNoAlexaIdInTheClear()
    {
        var caller = RideHailer.Skill.Workflow.SessionCaller.Of("amzn1.ask.account.jane", "amzn1.ask.person.jane")!;

        Assert.DoesNotContain("jane", caller.User + caller.Person, StringComparison.Ordinal);
        Assert.False(caller.Admits(null));
        Assert.True(caller.Admits(RideHailer.Skill.Workflow.SessionCaller.Of("amzn1.ask.account.jane", null)));
    }
}
