using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using RideHailer.Simulation;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.Workflow;
using Spectre.Console;

namespace RideHailer.DevHost.Simulator;

/// <summary>
/// <c>dotnet run --project RideHailer.DevHost -- chat [flags]</c>: the dev host's own pipeline, in Development, on a
/// free loopback port, with a simulated Alexa talking to it in the terminal. Program.cs calls the three steps around
/// building the host: <see cref="PrepareAsync"/>, <see cref="ConfigureHost"/>, <see cref="RunAsync"/>. With
/// <c>--endpoint</c> the whole conversation happens in <see cref="PrepareAsync"/> (<see cref="EndpointChat"/>), and no
/// host is built.
/// </summary>
internal sealed class ChatCommand : IAsyncDisposable
{
    public const string Verb = "chat";

    private static readonly TimeSpan SessionDrainBudget = TimeSpan.FromSeconds(3);

    private readonly SimulatorOptions? _options;
    private readonly LocalAlexaApi? _alexaApi;
    private readonly SigningChain? _signer;

    private ChatCommand(int exitCode) => ExitCode = exitCode;

    private ChatCommand(SimulatorOptions options, LocalAlexaApi alexaApi, SigningChain signer)
    {
        _options = options;
        _alexaApi = alexaApi;
        _signer = signer;
    }

    /// <summary>
    /// Set when the command ended without needing a host of this process (help shown, a bad flag, the Alexa APIs' port
    /// taken, or a whole conversation with another endpoint): exit with it, build nothing.
    /// </summary>
    public int? ExitCode { get; }

    /// <summary>
    /// Parses the flags, then starts the local Alexa APIs and makes the signing chain the host will trust; with
    /// <c>--endpoint</c>, runs the conversation against that endpoint.
    /// </summary>
    public static async Task<ChatCommand> PrepareAsync(IReadOnlyList<string> flags)
    {
        var options = ChatCommandLine.Parse(flags, Console.Out, Console.Error, out var exitCode, HelpWidth.OfTheConsole());
        if (options is null)
        {
            return new ChatCommand(exitCode);
        }

        LocalAlexaApi alexaApi;
        try
        {
            alexaApi = await LocalAlexaApi.StartAsync(options.ApiPort ?? 0);
        }
        catch (IOException exception)
        {
            await Console.Error.WriteLineAsync($"The simulated Alexa APIs cannot listen on 127.0.0.1:{options.ApiPort}: {exception.Message}");
            return new ChatCommand(2);
        }

        var signer = SigningChain.Create(DateTimeOffset.UtcNow);
        if (options.Endpoint is null)
        {
            return new ChatCommand(options, alexaApi, signer);
        }

        await using (alexaApi)
        using (signer)
        {
            return new ChatCommand(await EndpointChat.RunAsync(options, alexaApi, signer));
        }
    }

    /// <summary>Loopback on a free port, signatures verified against the simulator's root, logs on stderr from Warning up.</summary>
    public void ConfigureHost(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var (options, alexaApi, signer) = Prepared();
        builder.Configuration.AddInMemoryCollection(SimulatorHostSetup.Settings(alexaApi.Endpoint, options.PinPolicy));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            // The in-process sidecar and Alexa APIs bind their own loopback ports, and say so when a launch profile sets URLs.
            ["Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel"] = "Error",
            // Replaces the launch profile's http://localhost:7071, which the plain run keeps.
            [WebHostDefaults.ServerUrlsKey] = $"http://{IPAddress.Loopback}:0",
        });
        // The transcript owns stdout; a piped run can still keep the host's warnings apart.
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSimulatorTrust(signer);
    }

    /// <summary>Starts the host, runs the conversation on the console, stops the host; the exit code of the whole command.</summary>
    public async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (options, alexaApi, signer) = Prepared();
        if (!app.Environment.IsDevelopment())
        {
            await Console.Error.WriteLineAsync(
                $"The chat simulator runs only in the Development environment (this is '{app.Environment.EnvironmentName}'): "
                + "run it with 'dotnet run --project RideHailer.DevHost -- chat', or set ASPNETCORE_ENVIRONMENT=Development.");
            return 2;
        }

        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { Timeout = options.SkillTimeout ?? SimulatorOptions.DefaultSkillTimeout };
            var skill = new SkillClient(http, new Uri(new Uri(address), AlexaHttpEndpoint.Route), signer);
            var skillId = app.Services.GetRequiredService<IOptions<AlexaOptions>>().Value.SkillId;
            var io = ChatIo.Console(new SpectreAnswerPrompt(AnsiConsole.Console));
            var outcome = await SimulatedAlexa.RunAsync(
                options, skill, skillId, alexaApi, io, app.Services.GetRequiredService<TimeProvider>(), app.Lifetime.ApplicationStopping);
            await LetSessionsFinishAsync(app.Services.GetRequiredService<DurableTaskClient>(), outcome.SessionIds);
            return outcome.ExitCode;
        }
        catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Ctrl+C while a request was on its way.
            return 130;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_alexaApi is not null)
        {
            await _alexaApi.DisposeAsync();
        }

        _signer?.Dispose();
    }

    /// <summary>
    /// Each ended session's orchestration completes just after its last reply; stopping the worker under it would log
    /// a cancelled completion. Waits for them, within a bound: one left running (after an HTTP error) must not hang the exit.
    /// </summary>
    private static async Task LetSessionsFinishAsync(DurableTaskClient durable, IReadOnlyList<string> sessionIds)
    {
        using var budget = new CancellationTokenSource(SessionDrainBudget);
        try
        {
            foreach (var sessionId in sessionIds)
            {
                await durable.WaitForInstanceCompletionAsync(SessionInstanceId.For(sessionId), budget.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Past the budget the host stops anyway.
        }
    }

    private (SimulatorOptions Options, LocalAlexaApi AlexaApi, SigningChain Signer) Prepared() =>
        _options is not null && _alexaApi is not null && _signer is not null
            ? (_options, _alexaApi, _signer)
            : throw new InvalidOperationException($"The chat command ended while parsing its flags (exit code {ExitCode}).");
}
