using RideHailer.Simulation;
using RideHailer.Tests.Support;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// A rider who opens the skill again while their ride is on its way (after "Sorry, that took too long", or just
/// again) is a new session with a new idempotency key: the skill tells them of that ride before it quotes another,
/// and only their "yes" books a second.
/// </summary>
public abstract class SecondRideTests(BackendUnderTest backend)
{
    private const string Question = "^You already have a ride to the Space Needle arriving in [a-z-]+ minutes?\\. Do you want another one\\?$";
    private const string VerifyPerson = "connection://AMAZON.VerifyPerson/2";

    private static readonly SimulatedRider Jane = RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() };

    [Fact]
    public async Task SameRiderAgain_IsAskedAboutTheRideOnItsWay_AndNoBooksNothing()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        await BookAsync(skill.NewSession(Jane));

        var next = skill.NewSession(Jane);
        var asked = await next.OrderAsync("the Space Needle");
        var no = await next.NoAsync();

        Assert.Matches(Question, Speech(asked));
        Assert.False((bool?)asked["response"]!["shouldEndSession"]);
        Assert.Equal("Do you want another ride to the Space Needle?", (string?)asked["response"]!["reprompt"]!["outputSpeech"]!["text"]);
        Assert.Equal("Ok, I won't book another ride. Your driver is on the way.", Speech(no));
        Assert.True((bool?)no["response"]!["shouldEndSession"]);
        Assert.Single(await skill.BookingsAsync());
    }

    [Fact]
    public async Task SameRiderAgain_SaysYes_IsQuotedWithTheRideRequestsProfile_AndBooksASecondRide()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        await BookAsync(skill.NewSession(Jane));

        var next = skill.NewSession(Jane);
        Assert.Matches(Question, Speech(await next.OrderAsync("the Space Needle")));
        var profileReads = skill.Api.Requests.Count;
        var quote = await next.YesAsync();

        Assert.StartsWith("A ride to the Space Needle from your current location will cost ", Speech(quote), StringComparison.Ordinal);
        Assert.Equal(profileReads, skill.Api.Requests.Count);
        AssertStartConnection(await next.YesAsync(), VerifyPerson);
        Assert.StartsWith("Great.", Speech(await next.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
        var bookings = await skill.BookingsAsync();
        Assert.Equal(2, bookings.Count);
        Assert.Equal(2, bookings.Select(booking => booking.IdempotencyKey).Distinct().Count());
        Assert.Single(bookings.Select(booking => booking.Passenger.RiderId).Distinct());
        Assert.All(bookings, booking => Assert.Equal("Jane", booking.Passenger.GivenName));
    }

    [Fact]
    public async Task AnotherRider_OnTheSameEcho_IsNotAsked()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        await BookAsync(skill.NewSession(Jane));

        var john = skill.NewSession(Jane with { PersonId = "amzn1.ask.person.john" });
        var quote = await john.OrderAsync("the Space Needle");

        Assert.StartsWith("A ride to the Space Needle from your current location will cost ", Speech(quote), StringComparison.Ordinal);
    }

    private static async Task BookAsync(AlexaSession alexa)
    {
        Assert.StartsWith("A ride to the Space Needle", Speech(await alexa.OrderAsync("the Space Needle")), StringComparison.Ordinal);
        AssertStartConnection(await alexa.YesAsync(), VerifyPerson);
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
    }
}
