using RideHailer.Domain.Replies;
using RideHailer.Skill.Speech;

namespace RideHailer.Tests.Support.Speaking;

/// <summary>
/// A phrase table only tests register: American English with every phrase marked, each message's words between
/// <see cref="Open"/> and <see cref="Close"/>, each card line too. A response that says anything unmarked said
/// something no phrase table decided.
/// </summary>
internal sealed class PseudoPhrases : PhraseTable
{
    public const string Locale = "qps-ploc";
    public const char Open = '⟦';
    public const char Close = '⟧';

    private readonly EnglishPhrases _english = new();

    public override IReadOnlyList<string> Locales { get; } = [Locale];

    public override string Say(Phrase phrase) => Mark(_english.Say(phrase));

    public override IReadOnlyList<SpeechPart> Say(Message message) =>
    [
        new SpokenText(Open.ToString()),
        .. _english.Say(message),
        new SpokenText(Close.ToString()),
    ];

    public override CardText BookedCard(RideBookedCard card)
    {
        var english = _english.BookedCard(card);
        return new(Mark(english.Title), string.Join('\n', english.Content.Split('\n').Select(Mark)));
    }

    private static string Mark(string words) => $"{Open}{words}{Close}";
}
