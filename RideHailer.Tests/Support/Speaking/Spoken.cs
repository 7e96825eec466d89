using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Speech;

namespace RideHailer.Tests.Support.Speaking;

/// <summary>The Domain's language-neutral replies as American English reads them, for tests that pin the words.</summary>
internal static class Spoken
{
    /// <summary>How <see cref="ToPlainText"/> shows a recognised speaker's name.</summary>
    public const string FirstNamePlaceholder = "[first name]";

    public static EnglishPhrases English { get; } = new();

    /// <summary>The words of a line.</summary>
    public static string Line(Phrase phrase) => English.Say(phrase);

    /// <summary>The messages' words, one after another, each recognised speaker's name as <see cref="FirstNamePlaceholder"/>.</summary>
    public static string ToPlainText(this IReadOnlyList<Message> messages) =>
        string.Join(' ', messages.Select(message => string.Concat(English.Say(message).Select(part => part switch
        {
            SpokenText text => text.Text,
            PersonFirstName => FirstNamePlaceholder,
            SpokenCharacters characters => characters.Apart,
            _ => string.Empty,
        }))));

    /// <summary>"ten minutes" for a wait, as the skill rounds it.</summary>
    public static string Minutes(TimeSpan wait) => EnglishWords.Minutes(WholeMinutes.Of(wait));

    /// <summary>"twelve dollars and fifty cents".</summary>
    public static string Dollars(decimal amount) => EnglishWords.Money(new Money(amount, "USD"));
}
