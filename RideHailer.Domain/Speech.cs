using System.Text;

namespace RideHailer.Domain;

/// <summary>What Alexa says: a sequence of parts, compared by content.</summary>
public sealed record Speech(IReadOnlyList<SpeechPart> Parts)
{
    /// <summary>How <see cref="ToPlainText()"/> shows a recognised speaker's name.</summary>
    public const string FirstNamePlaceholder = "[first name]";

    /// <summary>Speech of plain words.</summary>
    public static Speech Text(string text) => new([new SpokenText(text)]);

    /// <summary>This speech followed by more words, separated by a space.</summary>
    public Speech Then(string text) => new([.. Parts, new SpokenText(" " + text)]);

    /// <summary>The words, with each recognised speaker's name shown as <see cref="FirstNamePlaceholder"/>.</summary>
    public string ToPlainText() => ToPlainText(_ => FirstNamePlaceholder);

    /// <summary>The words, with each recognised speaker's name rendered by <paramref name="firstName"/>.</summary>
    public string ToPlainText(Func<string, string> firstName)
    {
        ArgumentNullException.ThrowIfNull(firstName);
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            text.Append(part switch
            {
                SpokenText words => words.Text,
                PersonFirstName person => firstName(person.PersonId),
                _ => string.Empty,
            });
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(Speech? other) => other is not null && Parts.SequenceEqual(other.Parts);

    /// <inheritdoc/>
    public override int GetHashCode() => Parts.Aggregate(0, HashCode.Combine);

    /// <inheritdoc/>
    public override string ToString() => ToPlainText();
}
