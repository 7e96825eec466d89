using System.Text.Json;
using System.Text.Json.Nodes;

namespace RideHailer.Simulation;

/// <summary>
/// Plays Alexa between the rider and the skill: each line the rider types is resolved, sent as the request Alexa
/// would send, and answered with what Alexa would say and show; connections are completed by <see cref="AmazonSide"/>.
/// Ends at "quit", "exit" or the end of input, closing an open session with a SessionEndedRequest. A skill that cannot
/// be reached or does not answer in time is a line in the transcript, never an exception: a rider at a terminal can
/// try again, a script stops there.
/// </summary>
public sealed class ConversationRunner(
    UtteranceResolver resolver,
    SkillClient skill,
    SimulatedSession session,
    AmazonSide amazon,
    ITranscript transcript,
    string speakerFirstName)
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

            var request = Request(resolver.Resolve(line));
            if (request is Stop)
            {
                break;
            }

            if (request is Send send && !await ExchangeAsync(send.Envelope, cancellationToken))
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

    private Step Request(ResolvedUtterance utterance)
    {
        switch (utterance)
        {
            case Quit:
                return new Stop();
            case Launch:
                OpenNewSession();
                return new Send(session.Launch());
            case IntentUtterance intent:
                // Without an open session every request is a one-shot: the simulator talks to this skill only.
                if (intent.OneShot || !session.IsOpen)
                {
                    OpenNewSession();
                }

                return new Send(session.Intent(intent));
            default:
                return new Skip();
        }
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
        var isSessionEnd = (string?)envelope["request"]?["type"] == "SessionEndedRequest";
        while (true)
        {
            transcript.Json("request", envelope);
            if (await SendAsync(envelope, cancellationToken) is not { } exchange)
            {
                session.Close();
                return false;
            }

            transcript.Json($"response (HTTP {exchange.StatusCode})", exchange.Body);
            if (!exchange.IsSuccess)
            {
                transcript.Note($"the skill answered HTTP {exchange.StatusCode}: {exchange.Body}");
                session.Close();
                return false;
            }

            if (isSessionEnd)
            {
                session.Close();
                transcript.SessionEnded();
                return true;
            }

            var answer = Parse(exchange.Body);
            if (answer is null)
            {
                transcript.Note("the skill's answer is not a response Alexa could use");
                session.Close();
                return false;
            }

            var (json, response) = answer.Value;
            session.Heard(json);

            Show(response);
            if (response.Connection is { } connection)
            {
                envelope = session.Resumed(amazon.Complete(connection, session));
                continue;
            }

            if (response.EndsSession)
            {
                session.Close();
                transcript.SessionEnded();
            }

            return true;
        }
    }

    /// <summary>The skill's answer, or null (said in the transcript) when it could not be reached or did not answer in time.</summary>
    private async Task<SkillExchange?> SendAsync(JsonObject envelope, CancellationToken cancellationToken)
    {
        try
        {
            _unreachable = false;
            return await skill.SendAsync(envelope, cancellationToken);
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

    private abstract record Step;

    private sealed record Send(JsonObject Envelope) : Step;

    private sealed record Skip : Step;

    private sealed record Stop : Step;
}
