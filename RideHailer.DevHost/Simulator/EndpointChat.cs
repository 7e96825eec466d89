using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Verify;
using Spectre.Console;

namespace RideHailer.DevHost.Simulator;

/// <summary>
/// <c>chat --endpoint URL</c>: the same simulated rider against a skill that runs elsewhere (<c>func start</c>, a second
/// DevHost, a deployed app). No skill host is built here, so no durable backend and no Kestrel for the skill: only the
/// local Alexa APIs the requests name as their <c>apiEndpoint</c>, and the signing chain.
/// </summary>
internal static class EndpointChat
{
    /// <summary>Runs the conversation on the console; the exit code of the whole command.</summary>
    public static async Task<int> RunAsync(SimulatorOptions options, LocalAlexaApi alexaApi, SigningChain signer)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new ArgumentException("The options name no endpoint.", nameof(options));
        if ((options.SkillId ?? ConfiguredSkillId()) is not { Length: > 0 } skillId)
        {
            await Console.Error.WriteLineAsync(
                "No skill id: pass --skill-id with the target's Alexa:SkillId (amzn1.ask.skill.…), or set Alexa__SkillId for this DevHost.");
            return 2;
        }

        // Nothing here stops on Ctrl+C by itself (no host lifetime): the conversation's token is what ends it.
        using var stopping = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs args)
        {
            args.Cancel = true;
            stopping.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            using var http = new HttpClient { Timeout = options.SkillTimeout ?? SimulatorOptions.DefaultSkillTimeout };
            var skill = new SkillClient(http, endpoint, signer);
            var io = ChatIo.Console(new SpectreAnswerPrompt(AnsiConsole.Console));
            var outcome = await SimulatedAlexa.RunAsync(options, skill, skillId, alexaApi, io, TimeProvider.System, stopping.Token);
            return stopping.IsCancellationRequested ? 130 : outcome.ExitCode;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Ctrl+C while a request was on its way.
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    /// <summary>
    /// <c>Alexa:SkillId</c> as this DevHost would read it (its appsettings for the environment, environment variables),
    /// read through the host's own builder, which is never built.
    /// </summary>
    private static string? ConfiguredSkillId() =>
        WebApplication.CreateBuilder().Configuration[$"{AlexaOptions.SectionName}:{nameof(AlexaOptions.SkillId)}"];
}
