using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// One rider talking to the skill from the page: the kit's rider, session and conversation runner, as the chat
/// composes them, except that a connection the skill starts waits for the page to choose Amazon's outcome instead of
/// being answered at once. One turn at a time.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "Its SemaphoreSlim is only awaited: no wait handle is ever allocated to free.")]
internal sealed partial class ConsoleRun
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly UtteranceResolver _resolver;
    private readonly SimulatedSession _session;
    private readonly ConversationRunner _runner;
    private readonly ConsoleTranscript _transcript = new();
    private readonly TimeSpan _skillTimeout;
    private StartConnection? _pending;

    public ConsoleRun(string id, RiderFlags flags, SkillClient skill, string skillId, LocalAlexaApi alexaApi, UtteranceResolver resolver, TimeProvider time, TimeSpan skillTimeout)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(alexaApi);
        Id = id;
        Flags = flags;
        _resolver = resolver;
        _skillTimeout = skillTimeout;
        // A new run is a new household, as a new chat is: the chat's rider (its own Alexa user id) with a speaker of
        // its own too, so a ride booked in an earlier run is not this rider's ride on its way.
        var rider = flags.ToSimulatorOptions().Rider();
        Rider = rider.PersonId is null ? rider : rider with { PersonId = $"{rider.PersonId}.{id[..Math.Min(12, id.Length)]}" };
        _session = new SimulatedSession(Rider, skillId, alexaApi.Endpoint, alexaApi.Permissions, time);
        // The runner completes no connection itself here (only its RunAsync would): the page's choice makes an
        // AmazonSide per answer.
        _runner = new ConversationRunner(
            resolver, skill, _session, new AmazonSide(new ConnectionAnswers(null, null, null, _transcript), _transcript), _transcript, alexaApi.Rider.GivenName);
    }

    public string Id { get; }

    public RiderFlags Flags { get; }

    public SimulatedRider Rider { get; }

    /// <summary>
    /// Every session of the run so far, and whether the last is still open: taken between turns, since a turn in
    /// flight may be opening one.
    /// </summary>
    public async Task<(IReadOnlyList<string> SessionIds, bool SessionOpen)> SessionsAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            return ([.. _session.SessionIds], _session.IsOpen);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>The linked account the skill resolves this rider by: the speaker's own link, else the account's.</summary>
    public LinkedAccount? LinkedAccount =>
        Rider.PersonId is { } personId && Rider.PersonLinked ? new LinkedAccount(Rider.PersonToken, personId, IsPersonLink: true)
        : Rider.Linked ? new LinkedAccount(Rider.AccountToken, Rider.UserId, IsPersonLink: false)
        : null;

    /// <summary>Sends what the rider said as Alexa would, and follows the answer until the skill has answered or waits for a connection.</summary>
    public async Task<ConsoleTurn> SayAsync(string? said, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(said))
        {
            throw new ConsoleInputException("Say something: the text is empty.");
        }

        await _turn.WaitAsync(cancellationToken);
        try
        {
            if (_pending is { } connection)
            {
                // Inside Alexa's own consent or PIN task the rider answers Alexa, as on a real Echo.
                // The transcript shows Alexa's question, then the rider's own words as its answer.
                var (consent, pin) = SpokenAnswer(connection, said, Rider.Locale);
                var answers = new ConnectionAnswers(consent, pin, null, _transcript) { Said = said.Trim() };
                return await CompleteAsync(connection, answers, cancellationToken);
            }

            _transcript.Rider(said.Trim());
            var utterance = _resolver.Resolve(said);

            // The console always explains: the page is where a developer looks for why a sentence missed.
            if (UtteranceExplanation.Of(utterance) is { } explanation)
            {
                _transcript.Note(explanation);
            }
            JsonObject? envelope;
            if (utterance is Quit)
            {
                envelope = _session.IsOpen ? _session.Ended("USER_INITIATED") : null;
                if (envelope is null)
                {
                    _transcript.Note("no session is open");
                }
            }
            else if (_runner.VoiceEnablement(utterance) is { } enabling)
            {
                // Invoking the skill while it is disabled enables it first, as Alexa does.
                return Join(await SendAsync(enabling, cancellationToken), await SendAsync(_runner.Request(utterance), cancellationToken));
            }
            else
            {
                envelope = _runner.Request(utterance);
                if (envelope is null)
                {
                    _transcript.Note("Alexa heard nothing to send");
                }
            }

            return await SendAsync(envelope, cancellationToken);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Completes the waiting connection with the chosen outcome (a <c>--consent</c> or <c>--pin</c> value) and resumes the skill.</summary>
    public async Task<ConsoleTurn> AnswerAsync(string? outcome, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var connection = _pending ?? throw new ConsoleInputException("The skill is not waiting for a connection: there is nothing to answer.");
            var answers = connection.Uri == StartConnection.PinUri
                ? new ConnectionAnswers(null, Parse(outcome, PinAnswers.ByFlag, "PIN"), null, _transcript)
                : new ConnectionAnswers(Parse(outcome, ConsentAnswers.ByFlag, "consent"), null, null, _transcript);
            return await CompleteAsync(connection, answers, cancellationToken);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>What the rider said to Alexa's task as its outcome; a sentence that is no answer is a 400 saying what is.</summary>
    private static (ConsentAnswer? Consent, PinAnswer? Pin) SpokenAnswer(StartConnection connection, string said, string locale)
    {
        if (connection.Uri == StartConnection.PinUri)
        {
            return (null, SpokenConnectionAnswers.Pin(said, SpokenConnectionAnswers.SampleProfilePin, locale)
                ?? throw new ConsoleInputException(
                    $"Alexa asked for the profile PIN: say its four digits ({SpokenConnectionAnswers.SampleProfilePin} is this rider's), or choose an outcome on Amazon's side."));
        }

        var (approve, refuse) = SpokenConnectionAnswers.ConsentWords(locale);
        return (SpokenConnectionAnswers.Consent(said, locale)
            ?? throw new ConsoleInputException($"Alexa asked for permission: say '{approve}' or '{refuse}', or choose an outcome on Amazon's side."), null);
    }

    private async Task<ConsoleTurn> CompleteAsync(StartConnection connection, ConnectionAnswers answers, CancellationToken cancellationToken)
    {
        var cause = new AmazonSide(answers, _transcript).Complete(connection, _session);
        _pending = null;
        return await SendAsync(_session.Resumed(cause), cancellationToken);
    }

    private async Task<ConsoleTurn> SendAsync(JsonObject? envelope, CancellationToken cancellationToken)
    {
        var exchanges = new List<WireExchange>();
        string? error = null;
        while (envelope is not null)
        {
            SentRequest sent;
            try
            {
                sent = await _runner.SendAsync(envelope, cancellationToken);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                error = $"The skill did not answer within {_skillTimeout.TotalSeconds:0.#} seconds (WebConsole:SkillTimeout).";
                _transcript.Error(error);
                exchanges.Add(new WireExchange(RequestType(envelope), envelope.ToJsonString(Indented), 0, "(no answer)", _skillTimeout.TotalMilliseconds));
                break;
            }
            catch (HttpRequestException exception)
            {
                error = $"The skill could not be reached: {exception.Message}";
                _transcript.Error(error);
                exchanges.Add(new WireExchange(RequestType(envelope), envelope.ToJsonString(Indented), 0, "(no answer)", 0));
                break;
            }

            exchanges.Add(WireExchange.From(sent));
            envelope = null;
            if (sent.Failed)
            {
                error = sent.Exchange.IsSuccess
                    ? "The skill's answer is not a response Alexa could use."
                    : $"The skill answered HTTP {sent.Exchange.StatusCode}: {Reason(sent.Exchange.Body)}";
                _transcript.Error(error);
            }
            else if (sent.Response?.Connection is { } connection)
            {
                if (PendingConnection.For(connection, Rider.Locale) is null)
                {
                    // A task the page has no buttons for: Amazon's side answers it as the chat does (no provider).
                    envelope = _session.Resumed(new AmazonSide(new ConnectionAnswers(null, null, null, _transcript), _transcript).Complete(connection, _session));
                }
                else
                {
                    _pending = connection;
                }
            }
        }

        return new ConsoleTurn(_transcript.Take(), exchanges, _pending is { } pending ? PendingConnection.For(pending, Rider.Locale) : null, _session.IsOpen, error);
    }

    private static T Parse<T>(string? value, IReadOnlyDictionary<string, T> byFlag, string what) =>
        value is not null && byFlag.TryGetValue(value, out var answer)
            ? answer
            : throw new ConsoleInputException($"'{value}' is not a {what} outcome; choose one of: {string.Join(", ", byFlag.Keys)}.");

    /// <summary>A 400's <c>{"error": "…"}</c> reason, else the body as it came.</summary>
    private static string Reason(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["error"]?.GetValue<string>() ?? body;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return body;
        }
    }

    private static string RequestType(JsonObject envelope) => (string?)envelope["request"]?["type"] ?? "?";

}
