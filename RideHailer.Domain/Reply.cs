namespace RideHailer.Domain;

/// <summary>A domain-level response; the Skill layer maps it to Alexa's response JSON.</summary>
/// <param name="Speech">What Alexa says.</param>
/// <param name="Reprompt">What Alexa says if the rider is silent; only with <see cref="SessionBehavior.KeepOpen"/>.</param>
/// <param name="Session">End, keep open, or leave open for <paramref name="Connection"/>.</param>
/// <param name="Card">A card for the Alexa app, if any.</param>
/// <param name="Connection">The skill connection to start; present exactly when <paramref name="Session"/> is AwaitConnection.</param>
public sealed record Reply(
    Speech Speech,
    Speech? Reprompt,
    SessionBehavior Session,
    AppCard? Card = null,
    ConnectionRequest? Connection = null)
{
    /// <summary>Says something and ends the session.</summary>
    public static Reply Tell(string speech, AppCard? card = null) => new(Speech.Text(speech), null, SessionBehavior.End, card);

    /// <summary>Asks a question and keeps the session open.</summary>
    public static Reply Ask(string speech, string reprompt) =>
        new(Speech.Text(speech), Speech.Text(reprompt), SessionBehavior.KeepOpen);

    /// <summary>Says something and hands the session to a skill connection.</summary>
    public static Reply Connect(Speech speech, ConnectionRequest connection) =>
        new(speech, null, SessionBehavior.AwaitConnection, null, connection);
}
