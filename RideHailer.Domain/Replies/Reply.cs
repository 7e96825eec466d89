namespace RideHailer.Domain.Replies;

/// <summary>
/// What the conversation answers, in no language: the messages to say (the edge renders them with the phrase table
/// of the session's locale), whether the session stays open, and what else goes with them.
/// </summary>
/// <param name="Speech">What Alexa says, message after message.</param>
/// <param name="Reprompt">What Alexa says if the rider is silent; only with <see cref="SessionBehavior.KeepOpen"/>.</param>
/// <param name="Session">End, keep open, or leave open for <paramref name="Connection"/>.</param>
/// <param name="Card">A card for the Alexa app, if any.</param>
/// <param name="Connection">The skill connection to start; present exactly when <paramref name="Session"/> is AwaitConnection.</param>
public sealed record Reply(
    IReadOnlyList<Message> Speech,
    IReadOnlyList<Message>? Reprompt,
    SessionBehavior Session,
    AppCard? Card = null,
    ConnectionRequest? Connection = null)
{
    /// <summary>Says something and ends the session.</summary>
    public static Reply Tell(IReadOnlyList<Message> speech, AppCard? card = null) => new(speech, null, SessionBehavior.End, card);

    /// <summary>Says one line and ends the session.</summary>
    public static Reply Tell(Phrase phrase) => Tell([new Line(phrase)]);

    /// <summary>Asks a question and keeps the session open.</summary>
    public static Reply Ask(IReadOnlyList<Message> speech, IReadOnlyList<Message> reprompt) =>
        new(speech, reprompt, SessionBehavior.KeepOpen);

    /// <summary>Says something and hands the session to a skill connection.</summary>
    public static Reply Connect(IReadOnlyList<Message> speech, ConnectionRequest connection) =>
        new(speech, null, SessionBehavior.AwaitConnection, null, connection);

    /// <inheritdoc/>
    public bool Equals(Reply? other) =>
        other is not null
        && Speech.SequenceEqual(other.Speech)
        && (Reprompt ?? []).SequenceEqual(other.Reprompt ?? [])
        && (Reprompt is null) == (other.Reprompt is null)
        && Session == other.Session
        && Equals(Card, other.Card)
        && Equals(Connection, other.Connection);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Speech.Count, Session, Card, Connection);
}
