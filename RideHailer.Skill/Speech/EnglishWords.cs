using System.Globalization;
using System.Text;
using Humanizer;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Speech;

/// <summary>
/// Numbers, money and durations as English words. Alexa would read "$15" correctly, but words keep the speech the
/// same in every renderer (cards, logs, the simulator) and make the wording testable. Humanizer says the numbers;
/// American English leaves out the "and" of "one hundred and one".
/// </summary>
internal static class EnglishWords
{
    // Globalization is invariant (Directory.Build.props); Humanizer speaks English for the invariant culture.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>Each currency's unit and hundredth as English says them, and its symbol where a card writes one.</summary>
    private static readonly Dictionary<string, (string One, string Many, string MinorOne, string MinorMany, string? Symbol)> Currencies =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["USD"] = ("dollar", "dollars", "cent", "cents", "$"),
            ["CAD"] = ("Canadian dollar", "Canadian dollars", "cent", "cents", null),
            ["AUD"] = ("Australian dollar", "Australian dollars", "cent", "cents", null),
            ["GBP"] = ("pound", "pounds", "penny", "pence", "£"),
            ["EUR"] = ("euro", "euros", "cent", "cents", "€"),
            ["INR"] = ("rupee", "rupees", "paisa", "paise", null),
        };

    /// <summary>"fifteen dollars", "one dollar", "twelve dollars and fifty cents", "fifty cents".</summary>
    public static string Money(Money price) => Money(price, Number);

    /// <summary>The price in words, whole numbers said by <paramref name="number"/> (a variant's "and" or none).</summary>
    public static string Money(Money price, Func<long, string> number)
    {
        ArgumentNullException.ThrowIfNull(price);
        ArgumentNullException.ThrowIfNull(number);
        var (one, many, minorOne, minorMany, _) = Currencies.TryGetValue(price.Currency, out var names)
            ? names
            : (price.Currency, price.Currency, "hundredth", "hundredths", null);
        var minor = (long)Math.Round(Math.Abs(price.Amount) * 100, MidpointRounding.AwayFromZero);
        var major = minor / 100;
        var rest = minor % 100;
        var majorWords = Counted(major, one, many, number);
        return rest == 0 ? majorWords
            : major == 0 ? Counted(rest, minorOne, minorMany, number)
            : $"{majorWords} and {Counted(rest, minorOne, minorMany, number)}";
    }

    /// <summary>A price as a card writes it: "$12.50", "£8.00", "12.50 CAD".</summary>
    public static string Written(Money price)
    {
        ArgumentNullException.ThrowIfNull(price);
        return Currencies.TryGetValue(price.Currency, out var names) && names.Symbol is { } symbol
            ? string.Create(CultureInfo.InvariantCulture, $"{symbol}{price.Amount:0.00}")
            : string.Create(CultureInfo.InvariantCulture, $"{price.Amount:0.00} {price.Currency}");
    }

    /// <summary>
    /// A charge named as English names one: a whole amount before the noun ("a five dollar cancellation fee"), any
    /// other after it ("a cancellation fee of five dollars and fifty cents").
    /// </summary>
    public static string Fee(Money price, string noun) => Fee(price, noun, Number);

    /// <summary><see cref="Fee(RideHailer.Domain.Rides.Money, string)"/>, whole numbers said by <paramref name="number"/> (a variant's "and" or none).</summary>
    public static string Fee(Money price, string noun, Func<long, string> number)
    {
        ArgumentNullException.ThrowIfNull(price);
        ArgumentNullException.ThrowIfNull(number);
        if (price.Amount == decimal.Truncate(price.Amount) && price.Amount > 0 && Currencies.TryGetValue(price.Currency, out var names))
        {
            var words = number((long)price.Amount);
            // "an eight", "an eleven", but "a one": the article follows the sound, and "one" starts with a w.
            var article = "aeiou".Contains(words[0], StringComparison.Ordinal) && !words.StartsWith("one", StringComparison.Ordinal) ? "an" : "a";
            return $"{article} {words} {names.One} {noun}";
        }

        return $"a {noun} of {Money(price, number)}";
    }

    /// <summary>"one minute", "ten minutes".</summary>
    public static string Minutes(int minutes) => Counted(minutes, "minute", "minutes");

    /// <summary>A whole number in words: 0 → "zero", 21 → "twenty-one", 1250 → "one thousand two hundred fifty".</summary>
    public static string Number(long value) => value is >= int.MinValue and <= int.MaxValue
        ? ((int)value).ToWords(addAnd: false, English)
        : value.ToWords(English);

    /// <summary>"a", "a and b", "a, b, and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => new StringBuilder().AppendJoin(", ", items.Take(items.Count - 1)).Append(", and ").Append(items[^1]).ToString(),
    };

    private static string Counted(long count, string singular, string plural, Func<long, string>? number = null) =>
        $"{(number ?? Number)(count)} {(count == 1 ? singular : plural)}";
}
