using RideHailer.Simulation;
namespace RideHailer.DevHost.Simulator;

/// <summary>
/// Alexa in a terminal: composes the resolver, the session, Amazon's consent and PIN tasks and the transcript
/// around a skill endpoint, then runs the rider's lines or a named scenario through them.
/// </summary>
internal static class SimulatedAlexa
{
    public static async Task<ChatOutcome> RunAsync(
        SimulatorOptions options,
        SkillClient skill,
        string skillId,
        LocalAlexaApi alexaApi,
        ChatIo io,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(alexaApi);
        ArgumentNullException.ThrowIfNull(io);

        if (options.Scenario is { } scenario)
        {
            options = options.WithScenarioDefaults();
            io = new ChatIo(new StringReader(string.Join('\n', scenario.Utterances)), io.Output, Interactive: false, Prompt: null, io.Notes);
        }

        var transcript = new Transcript(io.Output, options.Json, io.Notes);
        var session = new SimulatedSession(options.Rider(), skillId, alexaApi.Endpoint, alexaApi.Permissions, time);
        var amazon = new AmazonSide(new ConnectionAnswers(options.Consent, options.Pin, io.Prompt, transcript), transcript);
        var runner = new ConversationRunner(
            new UtteranceResolver(InteractionModel.For(options.Locale)), skill, session, amazon, transcript, alexaApi.Rider.GivenName, options.Explain);

        Introduce(transcript, options, skill, skillId, alexaApi, io);
        var exitCode = await runner.RunAsync(io.Input, io.Interactive, cancellationToken);
        return new ChatOutcome(exitCode, runner.SessionIds);
    }

    private static void Introduce(Transcript transcript, SimulatorOptions options, SkillClient skill, string skillId, LocalAlexaApi alexaApi, ChatIo io)
    {
        if (options.Endpoint is null)
        {
            transcript.Note($"skill endpoint {skill.Endpoint} (every request signed and verified); Alexa APIs at {alexaApi.Endpoint}");
        }
        else
        {
            var apiOrigin = alexaApi.Endpoint.GetLeftPart(UriPartial.Authority);
            transcript.Note(
                $"skill endpoint {skill.Endpoint}, skill id {skillId}: every request is signed with the simulator's own chain, "
                + "which the target accepts only in Development with Alexa:VerifySignatures=false");
            transcript.Note($"Alexa APIs at {apiOrigin}: the target reads the profile only if Alexa:AllowedApiEndpoints lists {apiOrigin}");
            transcript.Note("bookings and sessions are the target's own: this chat cannot read them, only what the skill says");
        }

        var rider = options.Rider();
        transcript.Note(
            $"rider {alexaApi.Rider.GivenName} speaking {rider.Locale}: account {(rider.Linked ? "linked" : "not linked")}, "
            + $"{(rider.PersonId is null ? "no recognised speaker" : rider.PersonLinked ? "recognised speaker with their own link" : "recognised speaker without their own link")}, "
            + $"{(rider.Geolocation ? "device with geolocation" : "stationary device (address)")}, "
            + $"{(rider.GrantedInApp.Count > 0 ? "data scopes granted in the Alexa app" : rider.GrantedEarlier.Count > 0 ? "data scopes granted by voice earlier" : "nothing granted yet")}");
        if (options.Scenario is { } scenario)
        {
            transcript.Note($"scenario {scenario.Name}: {scenario.Description}");
        }
        else if (io.Interactive)
        {
            transcript.Note("say \"open ride hailer\", then where to go; \"quit\" leaves; /help lists what the rider can do in the Alexa app instead (/disable, /permissions …)");
        }
    }
}

/// <summary>How a conversation ended: 0, or 1 when the skill answered a request with an HTTP error; and the sessions it opened.</summary>
internal sealed record ChatOutcome(int ExitCode, IReadOnlyList<string> SessionIds);
