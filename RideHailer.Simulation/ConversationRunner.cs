using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Simulation;

/// <summary>
/// Plays Alexa between the rider and the skill: each line the rider types is resolved, sent as the request Alexa
/// would send, and answered with what Alexa would say and show; connections are completed by <see cref="AmazonSide"/>.
/// Ends at "quit", "exit" or the end of input, closing an open session with a SessionEndedRequest. A skill that cannot
/// be reached or does not answer in time is a line in the transcript, never an exception: a rider at a terminal can
/// try again, a script stops there. With <c>explain</c>, each utterance's intent and slots (or that it matched
/// nothing) are a note before its request. A line that starts with "/" is done in the Alexa app instead
/// (<see cref="AlexaAppAction"/>: <c>/disable</c>, <c>/enable</c>, <c>/permissions …</c>, <c>/link</c>), and the skill
/// is sent its <c>AlexaSkillEvent.*</c>.
/// </summary>
public sealed class ConversationRunner(
    UtteranceResolver resolver,
    SkillClient skill,
    SimulatedSession session,
    AmazonSide amazon,
    ITranscript transcript,
    string speakerFirstName,
    bool explain = false)
{
    /// <summary>Whether the last request failed without an answer (no connection, or no answer in time).</summary>
    private bool _unreachable;

    public IReadOnlyList<string> SessionIds => session.SessionIds;

    /// <summary>
    /// Runs until the input ends; 0 when every request succeeded, 1 when the skill answered one with an HTTP error or
    /// could not be reached. Piped input stops at the first unreachable skill: the rest of the script would only fail too.
    /// </summary>
    /// <param name="interactive">Prompt for each line; otherwise echo it, so the transcript shows what was said.</param>
    public async Task<int> RunAsync(TextReader input, bool interactive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var failed = false;
        while (true)
        {
            if (interactive)
            {
                transcript.Prompt();
            }

            var line = await ReadLineAsync(input, cancellationToken);
            if (AlexaAppAction.IsCommand(line))
            {
                // Not said to a device: done in the Alexa app, between utterances.
                if (!await AlexaAppAsync(line!, cancellationToken))
                {
                    failed = true;
                    if (_unreachable && !interactive)
                    {
                        break;
                    }
                }

                continue;
            }

            if (line is not null && !interactive)
            {
                transcript.Rider(line);
            }

            var utterance = resolver.Resolve(line);
            if (utterance is Quit)
            {
                break;
            }

            if (explain && UtteranceExplanation.Of(utterance) is { } explanation)
            {
                transcript.Note(explanation);
            }

            if (VoiceEnablement(utterance) is { } enabled && await TrySendAsync(enabled, cancellationToken) is not { Failed: false })
            {
                failed = true;
            }

            if (Request(utterance) is { } envelope && !await ExchangeAsync(envelope, cancellationToken))
            {
                failed = true;
                if (_unreachable && !interactive)
                {
                    break;
                }
            }
        }

        if (session.IsOpen && !cancellationToken.IsCancellationRequested && !await ExchangeAsync(session.Ended("USER_INITIATED"), cancellationToken))
        {
            failed = true;
        }

        return failed ? 1 : 0;
    }

    /// <summary>
    /// The request Alexa sends for what the rider said, opening a session when it needs one; null when nothing is sent
    /// (silence, or "quit", which the caller handles: the end of the conversation).
    /// </summary>
    public JsonObject? Request(ResolvedUtterance utterance)
    {
        switch (utterance)
        {
            case Launch:
                OpenNewSession();
                return session.Launch();
            case IntentUtterance intent:
                // Without an open session every request is a one-shot: the simulator talks to this skill only.
                if (intent.OneShot || !session.IsOpen)
                {
                    OpenNewSession();
                }

                return session.Intent(intent);
            default:
                return null;
        }
    }

    /// <summary>
    /// A slash command typed instead of an utterance (<see cref="AlexaAppAction"/>): done in the Alexa app, after the
    /// open session, if any, has ended (the rider left the device for the app). False when the command names nothing
    /// the app does (said in a note) or the skill did not answer its event with a 200 and no speech.
    /// </summary>
    public async Task<bool> AlexaAppAsync(string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (AlexaAppAction.IsHelp(command))
        {
            foreach (var (name, does) in AlexaAppAction.Commands)
            {
                transcript.Note($"{name}: {does}");
            }

            return true;
        }

        if (!AlexaAppAction.TryParse(command, out var action, out var reason))
        {
            transcript.Note(reason!);
            return false;
        }

        var ended = true;
        if (session.IsOpen)
        {
            transcript.Note("the rider leaves the device for the Alexa app: the open session ends");
            ended = await ExchangeAsync(session.Ended("USER_INITIATED"), cancellationToken);
        }

        var sent = await TrySendAsync(AppEvent(action!), cancellationToken);
        return ended && sent is { Failed: false };
    }

    /// <summary>Does <paramref name="action"/> for the session's rider and tells the transcript; the skill event to send for it.</summary>
    public JsonObject AppEvent(AlexaAppAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var envelope = action.Perform(session);
        transcript.AlexaApp(action.Done);
        return envelope;
    }

    /// <summary>
    /// Invoking a disabled skill by voice enables it, as Alexa does: the SkillEnabled event to send before the
    /// utterance's own request, or null when the skill is enabled or the utterance invokes nothing.
    /// </summary>
    public JsonObject? VoiceEnablement(ResolvedUtterance utterance)
    {
        if (session.IsSkillEnabled || utterance is not (Launch or IntentUtterance))
        {
            return null;
        }

        var envelope = session.SkillEnabled();
        transcript.Aside($"(Alexa enables {AmazonSide.SkillName} by voice)");
        return envelope;
    }

    /// <summary>
    /// Sends one request and tells the transcript what Alexa says and shows of the answer; a connection the skill
    /// starts is returned for the caller to complete (<see cref="AmazonSide"/>), with the session left open for it.
    /// A skill that cannot be reached or does not answer within the client's timeout throws, as <see cref="HttpClient"/> does.
    /// </summary>
    public async Task<SentRequest> SendAsync(JsonObject envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var type = (string?)envelope["request"]?["type"];
        var isSessionEnd = type == "SessionEndedRequest";
        var isSkillEvent = type?.StartsWith(SkillEventRequest.TypePrefix, StringComparison.Ordinal) == true;
        transcript.Json("request", envelope);
        var clock = Stopwatch.StartNew();
        var exchange = await skill.SendAsync(envelope, cancellationToken);
        var elapsed = clock.Elapsed;
        transcript.Json($"response (HTTP {exchange.StatusCode})", exchange.Body);
        if (!exchange.IsSuccess)
        {
            transcript.Note($"the skill answered HTTP {exchange.StatusCode}: {exchange.Body}");
            // A skill event is no part of the session.
            if (!isSkillEvent)
            {
                session.Close();
            }

            return new SentRequest(envelope, exchange, elapsed, null, Failed: true);
        }

        if (isSkillEvent)
        {
            return SkillEventAnswered(envelope, type!, exchange, elapsed);
        }

        if (isSessionEnd)
        {
            session.Close();
            transcript.SessionEnded();
            return new SentRequest(envelope, exchange, elapsed, null, Failed: false);
        }

        var answer = Parse(exchange.Body);
        if (answer is null)
        {
            transcript.Note("the skill's answer is not a response Alexa could use");
            session.Close();
            return new SentRequest(envelope, exchange, elapsed, null, Failed: true);
        }

        var (json, response) = answer.Value;
        session.Heard(json);

        Show(response);
        if (response.Connection is null && response.EndsSession)
        {
            session.Close();
            transcript.SessionEnded();
        }

        return new SentRequest(envelope, exchange, elapsed, response, Failed: false);
    }

    /// <summary>
    /// A skill event's answer: Alexa says nothing of it, and it leaves the session as it was. Anything in it for the
    /// rider (speech, a card, a directive) is no answer Alexa could use outside a session.
    /// </summary>
    private SentRequest SkillEventAnswered(JsonObject envelope, string type, SkillExchange exchange, TimeSpan elapsed)
    {
        var response = Parse(exchange.Body)?.Response;
        if (response is null || response.Speech is not null || response.Card is not null || response.Connection is not null)
        {
            transcript.Note($"the skill's answer to {type} is not the empty response Alexa expects of a skill event: {exchange.Body}");
            return new SentRequest(envelope, exchange, elapsed, response, Failed: true);
        }

        transcript.Note($"Alexa sent {type}; the skill answered HTTP {exchange.StatusCode}, no speech");
        return new SentRequest(envelope, exchange, elapsed, response, Failed: false);
    }

    private void OpenNewSession()
    {
        if (session.IsOpen)
        {
            transcript.Note("a new invocation ends the open session");
            session.Close();
        }

        session.Open();
    }

    /// <summary>Sends one request and follows any connection the skill starts until the skill has answered the rider.</summary>
    private async Task<bool> ExchangeAsync(JsonObject envelope, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await TrySendAsync(envelope, cancellationToken) is not { } sent)
            {
                session.Close();
                return false;
            }

            if (sent.Response?.Connection is not { } connection)
            {
                return !sent.Failed;
            }

            envelope = session.Resumed(amazon.Complete(connection, session));
        }
    }

    /// <summary>The request sent, or null (said in the transcript) when the skill could not be reached or did not answer in time.</summary>
    private async Task<SentRequest?> TrySendAsync(JsonObject envelope, CancellationToken cancellationToken)
    {
        try
        {
            _unreachable = false;
            return await SendAsync(envelope, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            _unreachable = true;
            transcript.Note($"could not reach the skill at {skill.Endpoint}: {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout; a cancellation the caller asked for (Ctrl+C) goes on up.
            _unreachable = true;
            transcript.Note($"the skill at {skill.Endpoint} did not answer within {skill.Timeout.TotalSeconds:0.#} seconds");
        }

        return null;
    }

    private void Show(SkillResponse response)
    {
        if (response.Speech is { } speech)
        {
            transcript.Alexa(HeardSpeech.From(speech, speakerFirstName));
        }

        if (response.Card is { } card)
        {
            transcript.Card(card);
        }
    }

    private static (JsonNode Json, SkillResponse Response)? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) is { } json ? (json, SkillResponse.Parse(json)) : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Console input cannot be cancelled mid-read, so the read runs aside and the wait for it is what cancels (Ctrl+C).
    /// A cancelled read ends the conversation like the end of input.
    /// </summary>
    private static async Task<string?> ReadLineAsync(TextReader input, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
