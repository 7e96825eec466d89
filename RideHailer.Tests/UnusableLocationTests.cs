using RideHailer.Domain.Replies;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests;

/// <summary>A device reporting a position that is not on Earth: the rider is answered, never told the skill is down.</summary>
public sealed class UnusableLocationTests
{
    private static readonly SimulatedRider OffTheMap = RiderSetup.Default with
    {
        GrantedEarlier = RiderSetup.AllScopes(),
        Coordinate = """{"latitudeInDegrees":1e400,"longitudeInDegrees":-122.3422,"accuracyInMeters":20}""",
    };

    [Fact]
    public async Task Launch_IsWelcomed()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);

        var welcome = await skill.NewSession(OffTheMap).LaunchAsync();

        Assert.Equal("Welcome to Ride Hailer. Where would you like to go?", Speech(welcome));
    }

    // Infinity cannot be written into the session's durable input: used as the pickup, it failed the turn and the
    // rider heard the outage apology. Unusable, it is no location, and the device address stands in.
    [Fact]
    public async Task OrderRide_IsQuotedFromTheAddress_NotAnOutageApology()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);

        var answer = await skill.NewSession(OffTheMap with { GrantedEarlier = [.. RiderSetup.AllScopes(), PermissionScopes.FullAddress] })
            .OrderAsync("the Space Needle");

        Assert.NotEqual(Spoken.Line(Phrase.Failed), Speech(answer));
        Assert.StartsWith("A ride to the Space Needle from your address", Speech(answer), StringComparison.Ordinal);
    }
}
