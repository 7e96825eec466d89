using System.Text.RegularExpressions;

namespace RideHailer.Skill.Speech;

/// <summary>
/// American spellings as British, Canadian, Australian and Indian English write them. The English table is written
/// once, in American English; each Commonwealth variant respells its words, so a sentence added later ("Your ride
/// is canceled.") is spelled right everywhere without a second copy. Whole words only, case kept. Only words no
/// place name holds: "center" or "theater" would also respell "Lincoln Center" in a sentence that names it.
/// </summary>
internal static partial class CommonwealthSpelling
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["canceled"] = "cancelled",
        ["canceling"] = "cancelling",
        ["kilometer"] = "kilometre",
        ["kilometers"] = "kilometres",
        ["traveled"] = "travelled",
        ["traveling"] = "travelling",
    };

    /// <summary><paramref name="american"/> with each American spelling replaced.</summary>
    public static string Of(string american) => Word().Replace(american, match =>
        Words.TryGetValue(match.Value, out var spelled) ? Cased(spelled, match.Value) : match.Value);

    private static string Cased(string spelled, string like) =>
        like.Length > 0 && char.IsUpper(like[0]) ? char.ToUpperInvariant(spelled[0]) + spelled[1..] : spelled;

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex Word();
}
