using Microsoft.Extensions.DependencyInjection;
using RideHailer.DevHost.Simulator;
using RideHailer.Domain.Rides;
using RideHailer.Simulation;
using RideHailer.Skill.Storage;

namespace RideHailer.Tests.Support.Simulator;

/// <summary>
/// The chat simulator against the DevHost in this process: the host configured as the chat command configures it
/// (signatures verified against the simulator's own root, the local Alexa APIs allowed), driven through a test
/// client, with the conversation read from and written to strings instead of a terminal.
/// </summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    private readonly RideHailerApp _app;
    private readonly LocalAlexaApi _alexaApi;
    private readonly SigningChain _signer;

    private SimulatorHarness(RideHailerApp app, LocalAlexaApi alexaApi, SigningChain signer)
    {
        _app = app;
        _alexaApi = alexaApi;
        _signer = signer;
    }

    /// <summary>Every booking the host's store holds (the DevHost's in-process store: no Tables connection is set).</summary>
    public IReadOnlyCollection<Booking> Bookings => ((InProcessBookingStore)_app.Services.GetRequiredService<IBookingStore>()).All;

    /// <param name="trustSimulator">False leaves the host trusting only the system store, as a production host would.</param>
    public static async Task<SimulatorHarness> StartAsync(SimulatorOptions options, bool trustSimulator = true)
    {
        var alexaApi = await LocalAlexaApi.StartAsync();
        var signer = SigningChain.Create(DateTimeOffset.UtcNow);
        var app = new RideHailerApp(
            SimulatorHostSetup.Settings(alexaApi.Endpoint, options.PinPolicy),
            services =>
            {
                if (trustSimulator)
                {
                    services.AddSimulatorTrust(signer);
                }
            });
        _ = app.Server;
        return new SimulatorHarness(app, alexaApi, signer);
    }

    /// <summary>Runs the conversation on <paramref name="lines"/> as piped input; the transcript and the outcome.</summary>
    public async Task<(string Transcript, ChatOutcome Outcome)> ChatAsync(SimulatorOptions options, params string[] lines)
    {
        using var http = _app.CreateClient();
        var skill = new SkillClient(http, new Uri(http.BaseAddress!, "api/alexa"), _signer);
        using var output = new StringWriter();
        var io = new ChatIo(new StringReader(string.Join('\n', lines)), output, Interactive: false, Prompt: null);
        var outcome = await SimulatedAlexa.RunAsync(
            options, skill, AlexaRequests.SkillId, _alexaApi, io, TimeProvider.System, CancellationToken.None);
        return (output.ToString(), outcome);
    }

    /// <summary>Alexa's view of <paramref name="rider"/> against this host: its grants in the local Alexa APIs' ledger.</summary>
    public SimulatedSession Alexa(SimulatedRider rider) =>
        new(rider, AlexaRequests.SkillId, _alexaApi.Endpoint, _alexaApi.Permissions, TimeProvider.System);

    /// <summary>Signs <paramref name="envelope"/> with the simulator's chain (or <paramref name="signer"/>) and posts it, as the chat does.</summary>
    public async Task<SkillExchange> SendAsync(System.Text.Json.Nodes.JsonObject envelope, SigningChain? signer = null)
    {
        using var http = _app.CreateClient();
        var skill = new SkillClient(http, new Uri(http.BaseAddress!, "api/alexa"), signer ?? _signer);
        return await skill.SendAsync(envelope, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _alexaApi.DisposeAsync();
        _signer.Dispose();
    }
}
