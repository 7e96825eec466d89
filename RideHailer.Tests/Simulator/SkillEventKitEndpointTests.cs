using System.Text.Json.Nodes;
using RideHailer.DevHost.Simulator;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support.Simulator;

namespace RideHailer.Tests.Simulator;

/// <summary>
/// The kit's skill events at the chat's host: signed with the simulator's chain and checked by the real verifier like
/// every other request (signature, chain, an hour's timestamp window, skill id), answered 200 with an empty response.
/// </summary>
public sealed class SkillEventKitEndpointTests
{
    public static TheoryData<string> Events() => ["enabled", "disabled", "permission-accepted", "permission-changed", "account-linked"];

    [Theory]
    [MemberData(nameof(Events))]
    public async Task KitSkillEvent_SignedLikeEveryRequest_IsAnswered200WithNoSpeech(string which)
    {
        var options = new SimulatorOptions();
        await using var simulator = await SimulatorHarness.StartAsync(options);
        var alexa = simulator.Alexa(options.Rider());

        var exchange = await simulator.SendAsync(Event(alexa, which));

        Assert.True(exchange.StatusCode == 200, exchange.Body);
        var answer = JsonNode.Parse(exchange.Body)!;
        Assert.Equal("1.0", (string?)answer["version"]);
        Assert.Empty(answer["response"]!.AsObject());
        Assert.Null(answer["sessionAttributes"]);
    }

    [Fact]
    public async Task KitSkillEvent_SignedWithAnotherChain_IsRejected()
    {
        var options = new SimulatorOptions();
        await using var simulator = await SimulatorHarness.StartAsync(options);
        using var stranger = SigningChain.Create(DateTimeOffset.UtcNow);

        var exchange = await simulator.SendAsync(simulator.Alexa(options.Rider()).SkillDisabled(), stranger);

        Assert.Equal(400, exchange.StatusCode);
    }

    private static JsonObject Event(SimulatedSession alexa, string which) => which switch
    {
        "enabled" => alexa.SkillEnabled(),
        "disabled" => alexa.SkillDisabled(),
        "permission-accepted" => alexa.SkillPermissionAccepted(SimulatedRider.AllDataScopes),
        "permission-changed" => alexa.SkillPermissionChanged([PermissionScopes.GivenName]),
        "account-linked" => alexa.SkillAccountLinked(),
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };
}
