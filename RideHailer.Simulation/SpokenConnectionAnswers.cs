namespace RideHailer.Simulation;

/// <summary>
/// What a rider says inside Alexa's own consent and PIN tasks, taken as Amazon's answer: "I approve" is ACCEPTED,
/// "no" is DENIED; four digits are ACHIEVED when they are the rider's profile PIN and NOT_MATCH otherwise. Anything
/// else is no answer (null): Alexa would ask again, so the caller says how to answer instead of guessing.
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

    private static readonly string[] DigitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    public static ConsentAnswer? Consent(string said)
    {
        var words = UtteranceText.Spoken(said);
        return Approvals.Contains(words) ? ConsentAnswer.Accepted
            : Refusals.Contains(words) ? ConsentAnswer.Denied
            : null;
    }

    /// <summary>"1234", "1 2 3 4" or "one two three four" against <paramref name="profilePin"/>; null unless four digits were said.</summary>
    public static PinAnswer? Pin(string said, string profilePin)
    {
        var digits = Digits(UtteranceText.Spoken(said));
        return digits is not { Length: 4 } ? null
            : digits == profilePin ? PinAnswer.Achieved
            : PinAnswer.NotMatch;
    }

    private static string? Digits(string words)
    {
        var digits = new List<char>();
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.All(char.IsAsciiDigit))
            {
                digits.AddRange(word);
            }
            else if (Array.IndexOf(DigitWords, word == "oh" ? "zero" : word) is >= 0 and var digit)
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
}
