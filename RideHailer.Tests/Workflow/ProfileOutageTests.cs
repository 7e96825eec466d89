using RideHailer.Domain.Replies;
using RideHailer.Simulation;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// A Customer Profile API that fails (5xx, 429) or times out, through the endpoint and the orchestration: only a 403
/// means "not granted", so a rider who granted in the Alexa app hears an apology, is not asked for consent again,
/// and the session stays open where it was.
/// </summary>
public abstract class ProfileOutageTests(BackendUnderTest backend)
{
    private const string QuoteFromLocation = "A ride to the Space Needle from your current location will cost ";

    /// <summary>Granted in the Alexa app, no recognised speaker: the account's profile paths are read.</summary>
    private static readonly SimulatedRider Rider = RiderSetup.Default with { PersonId = null, PersonLinked = false };

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(null)]
    public async Task ProfileApiDown_ApologisesKeepsTheSessionAndAsksNoConsent_ThenQuotesOnceItAnswers(int? status)
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        skill.Api.Permissions.GrantInApp(Rider.UserId, null, SimulatedRider.AllDataScopes);
        if (status is { } code)
        {
            skill.Api.Answer(LocalAlexaApi.MobileNumberPath, code);
        }
        else
        {
            skill.Api.Stall(LocalAlexaApi.MobileNumberPath);
        }

        var alexa = skill.NewSession(Rider);
        var apology = await alexa.OrderAsync("the Space Needle");

        Assert.Equal(Spoken.Line(Phrase.ProfileUnreachable) + " " + Spoken.Line(Phrase.WhereTo), Speech(apology));
        Assert.Null(apology["response"]!["directives"]);
        Assert.Null(apology["response"]!["card"]);
        Assert.False((bool)apology["response"]!["shouldEndSession"]!);

        skill.Api.Recover(LocalAlexaApi.MobileNumberPath);
        var quoted = await alexa.OrderAsync("the Space Needle");

        Assert.StartsWith(QuoteFromLocation, Speech(quoted), StringComparison.Ordinal);
        Assert.Null(quoted["response"]!["directives"]);
        Assert.Empty(await skill.BookingsAsync());
    }
}
