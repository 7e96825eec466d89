using RideHailer.Domain.Replies;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>DESIGN.md's PIN table, row by row, through the endpoint and the orchestration.</summary>
public abstract class PinResultTests(BackendUnderTest backend)
{
    [Theory]
    [InlineData("Mandatory", "200", "ACHIEVED", null, 400)]
    [InlineData("Optional", "200", "ACHIEVED", null, 400)]
    [InlineData("Optional", "200", "NOT_ENABLED", null, 300)]
    public async Task Verified_BooksExactlyOnce(string policy, string code, string status, string? reason, int level)
    {
        await using var skill = await SkillHarness.StartAsync(backend, new() { ["Booking:PinPolicy"] = policy });
        var alexa = await skill.AtThePinAsync();

        var booked = await alexa.PinResultAsync(code, status, reason, level);

        Assert.StartsWith("Great. Your driver will arrive in ", Speech(booked), StringComparison.Ordinal);
        Assert.Single(await skill.BookingsAsync());
    }

    [Theory]
    [InlineData("Mandatory", "200", "ACHIEVED", null, 300, Phrase.PinNotVerified)]
    [InlineData("Mandatory", "200", "NOT_ENABLED", null, 300, Phrase.PinNotEnabled)]
    [InlineData("Optional", "200", "NOT_ACHIEVED", "METHOD_LOCKOUT", 300, Phrase.PinLockedOut)]
    [InlineData("Mandatory", "200", "NOT_ACHIEVED", "METHOD_LOCKOUT", 300, Phrase.PinLockedOut)]
    [InlineData("Mandatory", "200", "NOT_ACHIEVED", "VERIFICATION_METHOD_NOT_SETUP", 300, Phrase.PinNotSetUp)]
    [InlineData("Mandatory", "200", "NOT_ACHIEVED", "PREREQUISITE_NOT_SETUP_ERROR", 300, Phrase.PinNotVerified)]
    [InlineData("Mandatory", "400", null, null, 300, Phrase.PinConnectionFailed)]
    [InlineData("Mandatory", "403", null, null, 300, Phrase.PinConnectionFailed)]
    [InlineData("Mandatory", "404", null, null, 300, Phrase.PinConnectionFailed)]
    [InlineData("Mandatory", "500", null, null, 300, Phrase.PinConnectionFailed)]
    [InlineData("Mandatory", "500", "ACHIEVED", null, 400, Phrase.PinConnectionFailed)]
    public async Task NotVerified_EndsWithoutBooking(string policy, string code, string? status, string? reason, int level, Phrase speech)
    {
        await using var skill = await SkillHarness.StartAsync(backend, new() { ["Booking:PinPolicy"] = policy });
        var alexa = await skill.AtThePinAsync();

        var response = await alexa.PinResultAsync(code, status, reason, level);

        Assert.Equal(Spoken.Line(speech), Speech(response));
        Assert.True((bool)response["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task AchievedWithoutAPerson_IsNotVerified()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();
        alexa.Rider = alexa.Rider with { PersonId = null };

        var response = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.Equal(Spoken.Line(Phrase.PinNotVerified), Speech(response));
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task NotMatch_OffersOneRetryWithANewTokenThatCanBook()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();
        var firstToken = alexa.LastToken;

        var retry = await alexa.PinResultAsync("200", "NOT_ACHIEVED", "NOT_MATCH", 300);
        Assert.Equal(Spoken.Line(Phrase.PinNoMatch), Speech(retry));
        Assert.False((bool)retry["response"]!["shouldEndSession"]!);

        var again = await alexa.YesAsync();
        AssertStartConnection(again, "connection://AMAZON.VerifyPerson/2");
        Assert.NotEqual(firstToken, alexa.LastToken);

        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);
        Assert.StartsWith("Great.", Speech(booked), StringComparison.Ordinal);
        Assert.Single(await skill.BookingsAsync());
    }

    [Fact]
    public async Task NotMatchTwice_EndsWithoutBooking()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();
        await alexa.PinResultAsync("200", "NOT_ACHIEVED", "NOT_MATCH", 300);
        await alexa.YesAsync();

        var response = await alexa.PinResultAsync("200", "NOT_ACHIEVED", "NOT_MATCH", 300);

        Assert.Equal(Spoken.Line(Phrase.PinNoMatchAgain), Speech(response));
        Assert.True((bool)response["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task NoToTheQuote_EndsPolitelyWithoutAPin()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });
        await alexa.OrderAsync("the Space Needle");

        var response = await alexa.NoAsync();

        Assert.Equal(Spoken.Line(Phrase.Declined), Speech(response));
        Assert.True((bool)response["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
    }
}
