using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RideHailer.Simulation;

/// <summary>
/// Plays Alexa between the rider and the skill: each line the rider types is resolved, sent as the request Alexa
/// would send, and answered with what Alexa would say and show; connections are completed by <see cref="AmazonSide"/>.
/// Ends at "quit", "exit" or the end of input, closing an open session with a SessionEndedRequest. A skill that cannot
/// be reached or does not answer in time is a line in the transcript, never an exception: a rider at a terminal can
/// try again, a script stops there. With <c>explain</c>, each utterance's intent and slots (or that it matched
/// nothing) are a note before its request.
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
    /// Sends one request and tells the transcript what Alexa says and shows of the answer; a connection the skill
    /// starts is returned for the caller to complete (<see cref="AmazonSide"/>), with the session left open for it.
    /// A skill that cannot be reached or does not answer within the client's timeout throws, as <see cref="HttpClient"/> does.
    /// </summary>
    public async Task<SentRequest> SendAsync(JsonObject envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var isSessionEnd = (string?)envelope["request"]?["type"] == "SessionEndedRequest";
        transcript.Json("request", envelope);
        var clock = Stopwatch.StartNew();
        var exchange = await skill.SendAsync(envelope, cancellationToken);
        var elapsed = clock.Elapsed;
        transcript.Json($"response (HTTP {exchange.StatusCode})", exchange.Body);
        if (!exchange.IsSuccess)
        {
            transcript.Note($"the skill answered HTTP {exchange.StatusCode}: {exchange.Body}");
            session.Close();
            return new SentRequest(envelope, exchange, elapsed, null, Failed: true);
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
