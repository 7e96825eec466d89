using RideHailer.Domain.Replies;

namespace RideHailer.Skill.Speech;

/// <summary>
/// What the conversation's messages sound like in one language: every <see cref="Phrase"/>, every
/// <see cref="Message"/> with its arguments, and the booked ride's card. One table per language; the locale picks it
/// (<see cref="PhraseBook"/>).
/// </summary>
public abstract class PhraseTable
{
    /// <summary>The locales this table speaks (BCP 47, "en-US").</summary>
    public abstract IReadOnlyList<string> Locales { get; }

    /// <summary>The words of a line without arguments.</summary>
    public abstract string Say(Phrase phrase);

    /// <summary>The speech of one message: words, and a recognised speaker's name where the message names one.</summary>
    public abstract IReadOnlyList<SpeechPart> Say(Message message);

    /// <summary>The booked ride's card.</summary>
    public abstract CardText BookedCard(RideBookedCard card);
}
