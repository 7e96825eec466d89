using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Tests.Support;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// The DevHost on DurableTask.AzureStorage keeps sessions in storage: stopped mid-session and started
/// again on the same Azurite data, it carries on where it was and books exactly once.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class RestartTests(AzuriteFixture azurite)
{
    private readonly BackendUnderTest _backend = BackendUnderTest.AzureStorage(azurite);

    [Fact]
    public async Task AzureStorageBackend_IsTheProductionEngine()
    {
        await using var skill = await SkillHarness.StartAsync(_backend);

        Assert.IsType<AzureStorageOrchestrationService>(skill.Services.GetRequiredService<IOrchestrationServiceClient>());
    }

    [Fact]
    public async Task StoppedRightAfterItStarted_ShutsDownWithoutTakingTheProcessDown()
    {
        // DurableTask.AzureStorage throws when stopped before it started, from a handler where that ends the process.
        for (var run = 0; run < 3; run++)
        {
            var skill = await SkillHarness.StartAsync(_backend);
            await skill.DisposeAsync();
        }

        await using var last = await SkillHarness.StartAsync(_backend);
        Assert.StartsWith("Welcome", Speech(await last.NewSession().LaunchAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoppedAtThePin_ResumesAfterARestartAndBooksOnce()
    {
        var first = await SkillHarness.StartAsync(_backend);
        var alexa = await first.AtThePinAsync();
        var api = await first.StopHostAsync();

        await using var second = await SkillHarness.StartAsync(_backend, hub: first.Hub, api: api);
        second.TakeOver(alexa);
        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.StartsWith("Great. Your driver will arrive in ", Speech(booked), StringComparison.Ordinal);
        Assert.Single(await second.BookingsAsync());
    }

    [Fact]
    public async Task BookedBeforeTheRestart_ExistsOnceAfterItAndIsReSpoken()
    {
        var first = await SkillHarness.StartAsync(_backend);
        var alexa = await first.AtThePinAsync();
        var pinToken = alexa.LastToken;
        await alexa.PinResultAsync("200", "ACHIEVED", level: 400);
        var api = await first.StopHostAsync();

        await using var second = await SkillHarness.StartAsync(_backend, hub: first.Hub, api: api);
        second.TakeOver(alexa);
        var replay = await alexa.PinResultAsync("200", "ACHIEVED", level: 400, token: pinToken);

        Assert.Contains("driver", Speech(replay), StringComparison.Ordinal);
        Assert.Single(await second.BookingsAsync());
    }
}
