using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Skill.Places;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// A session's input is read back with every turn's session read and replayed with every step, so it carries the
/// session's own settings but not the built-in catalog's markets, which the orchestration is given where it is registered.
/// </summary>
public sealed class SessionInputTests
{
    [Fact]
    public async Task AStartedSession_CarriesItsSettingsButNotTheCatalogsMarkets()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var alexa = skill.NewSession();
        await alexa.LaunchAsync();
        var durable = skill.Services.GetRequiredService<DurableTaskClient>();

        var instance = await durable.GetInstanceAsync(SessionInstanceId.For(alexa.SessionId), getInputsAndOutputs: true);

        var input = instance!.ReadInputAs<SessionInput>()!;
        Assert.Empty(input.Settings.Markets);
        var converter = JsonDataConverter.Default;
        Assert.Equal(converter.Serialize(skill.Services.GetRequiredService<ConversationSettings>() with { Markets = [] }), converter.Serialize(input.Settings));
        Assert.NotEmpty(PlaceCatalog.Markets);
        Assert.DoesNotContain(PlaceCatalog.Markets[0].Examples.Landmark.Name, instance.SerializedInput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionStartedWithItsOwnMarkets_NamesTheirPlacesInHelp()
    {
        // As sessions started before the input left the markets out: they keep theirs.
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var durable = skill.Services.GetRequiredService<DurableTaskClient>();
        var seattle = PlaceCatalog.Markets.First(market => market.City == "Seattle");
        var own = seattle with { Examples = seattle.Examples with { Landmark = seattle.Examples.Landmark with { SpokenName = "the Pike Place sign" } } };
        var id = "own-markets-" + Guid.NewGuid().ToString("N");
        var help = new TurnEvent("request-1", new Help(), RiderFacts.None) { Locale = "en-US" };

        await durable.ScheduleNewOrchestrationInstanceAsync(
            SessionOrchestration.Name,
            new SessionInput(id, ConversationSettings.Default with { Markets = [own] }, TimeSpan.FromMinutes(1)) { FirstTurn = help },
            new StartOrchestrationOptions(id));

        var reply = await PublishedReplies.WhenAnsweredAsync(durable, id, "request-1");
        var examples = Assert.IsType<DestinationHelp>(Assert.Single(reply!.Speech, message => message is DestinationHelp)).Examples;
        Assert.Equal("the Pike Place sign", examples!.Landmark.SpokenName);
    }
}
