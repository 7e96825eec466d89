using System.Text;

namespace RideHailer.Simulation;

/// <summary>
/// What speech recognition would hand over for typed text: lower case, no punctuation. Matching also drops
/// apostrophes, so "I'd" and "id", "Fisherman's" and "fishermans" compare equal.
/// </summary>
internal static class UtteranceText
{
    private static readonly string[] Articles = ["the ", "a ", "an "];

    /// <summary>German's articles before a place ("der Flughafen Heathrow", "das Brandenburger Tor").</summary>
    private static readonly string[] GermanArticles = ["der ", "die ", "das ", "den ", "dem "];

    /// <summary>The words as recognised speech spells them: "Sea-Tac!" → "sea tac"; apostrophes kept.</summary>
    public static string Spoken(string text) => Normalise(text, keepApostrophes: true);

    /// <summary>The words as matching compares them: <see cref="Spoken"/> without apostrophes.</summary>
    public static string Words(string text) => Normalise(text, keepApostrophes: false);

    /// <summary>
    /// Drops one leading article, so "the space needle" also matches "space needle", and in German (<paramref name="german"/>)
    /// "das brandenburger tor" also matches "brandenburger tor".
    /// </summary>
    public static string WithoutArticle(string words, bool german = false)
    {
        foreach (var article in german ? GermanArticles : Articles)
        {
            if (words.StartsWith(article, StringComparison.Ordinal))
            {
                return words[article.Length..];
            }
        }

        return words;
    }

    private static string Normalise(string text, bool keepApostrophes)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019')
            {
                if (keepApostrophes)
                {
                    builder.Append('\'');
                }
            }
            else
            {
                builder.Append(' ');
            }
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
