namespace RideHailer.Simulation;

/// <summary>
/// What a rider says inside Alexa's own consent and PIN tasks, taken as Amazon's answer, in the session's language:
/// "I approve" ("Ich stimme zu", "ja") is ACCEPTED, "no" ("nein") is DENIED; four digits ("one two three four", "eins
/// zwei drei vier") are ACHIEVED when they are the rider's profile PIN and NOT_MATCH otherwise. Anything else is no
/// answer (null): Alexa would ask again, so the caller says how to answer instead of guessing.
/// </summary>
public static class SpokenConnectionAnswers
{
    /// <summary>The sample rider's profile PIN: what the PIN step expects by voice.</summary>
    public const string SampleProfilePin = "1234";

    private static readonly HashSet<string> Approvals = new(
        ["i approve", "approve", "yes", "yes i approve", "i do", "yes i do", "allow", "ok", "okay", "sure", "yes please"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> Refusals = new(
        ["no", "i don't approve", "i do not approve", "don't approve", "deny", "don't allow", "no thanks", "no thank you", "nope"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> GermanApprovals = new(
        ["ich stimme zu", "stimme zu", "ja ich stimme zu", "ja", "ja bitte", "ja gerne", "okay", "ok", "einverstanden",
            "ich bin einverstanden", "erlauben", "ich erlaube es", "zustimmen"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> GermanRefusals = new(
        ["nein", "nein danke", "ich stimme nicht zu", "stimme nicht zu", "nicht zustimmen", "ablehnen", "ich lehne ab", "nee", "nö"],
        StringComparer.Ordinal);

    private static readonly string[] DigitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private static readonly string[] GermanDigitWords = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"];

    /// <summary>The rider's answer to the consent question of a session in <paramref name="locale"/> (English unless German).</summary>
    public static ConsentAnswer? Consent(string said, string? locale = null)
    {
        var words = UtteranceText.Spoken(said);
        var german = SpokenLanguage.IsGerman(locale);
        return (german ? GermanApprovals : Approvals).Contains(words) ? ConsentAnswer.Accepted
            : (german ? GermanRefusals : Refusals).Contains(words) ? ConsentAnswer.Denied
            : null;
    }

    /// <summary>
    /// "1234", "1 2 3 4", "one two three four" (German: "eins zwei drei vier", "zwo") against <paramref name="profilePin"/>;
    /// null unless four digits were said.
    /// </summary>
    public static PinAnswer? Pin(string said, string profilePin, string? locale = null)
    {
        var digits = Digits(UtteranceText.Spoken(said), SpokenLanguage.IsGerman(locale));
        return digits is not { Length: 4 } ? null
            : digits == profilePin ? PinAnswer.Achieved
            : PinAnswer.NotMatch;
    }

    /// <summary>The words Alexa takes for an approval in <paramref name="locale"/>'s language, for a prompt that says what to answer.</summary>
    public static (string Approve, string Refuse) ConsentWords(string? locale) =>
        SpokenLanguage.IsGerman(locale) ? ("Ich stimme zu", "Nein") : ("I approve", "no");

    private static string? Digits(string words, bool german)
    {
        var digits = new List<char>();
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.All(char.IsAsciiDigit))
            {
                digits.AddRange(word);
            }
            else if (Digit(word, german) is { } digit)
            {
                digits.Add((char)('0' + digit));
            }
            else
            {
                return null;
            }
        }

        return new string([.. digits]);
    }

    private static int? Digit(string word, bool german)
    {
        var (names, spoken) = german ? (GermanDigitWords, word == "zwo" ? "zwei" : word) : (DigitWords, word == "oh" ? "zero" : word);
        return Array.IndexOf(names, spoken) is >= 0 and var digit ? digit : null;
    }
}
