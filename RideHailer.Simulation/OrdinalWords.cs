using System.Globalization;
using System.Text.RegularExpressions;

namespace RideHailer.Simulation;

/// <summary>AMAZON.Ordinal as Alexa fills it in English: "first" or "1st" is 1. Only the first ten, enough for a list read aloud.</summary>
internal static partial class OrdinalWords
{
    public const string SlotType = "AMAZON.Ordinal";

    private static readonly string[] Words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary>The position <paramref name="said"/> names, or null when it is not an ordinal.</summary>
    public static int? Position(string said)
    {
        var words = UtteranceText.Words(said);
        var index = Array.IndexOf(Words, words);
        if (index >= 0)
        {
            return index + 1;
        }

        return Numbered().Match(words) is { Success: true } numbered
            ? int.Parse(numbered.Groups["n"].Value, CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex("^(?<n>[1-9][0-9]?)(?:st|nd|rd|th)$", RegexOptions.CultureInvariant)]
    private static partial Regex Numbered();
}
