using System.Text;

namespace RideHailer.Domain.Speaking;

/// <summary>
/// Numbers, money and durations as words. Alexa would read "$15" correctly, but words keep the speech
/// the same in every renderer (cards, logs, the dev simulator) and make the wording testable.
/// </summary>
internal static class SpokenWords
{
    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly (long Size, string Name)[] Scales = [(1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")];

    /// <summary>"fifteen dollars", "one dollar", "twelve dollars and fifty cents", "fifty cents".</summary>
    public static string Dollars(decimal amount)
    {
        var cents = (long)Math.Round(Math.Abs(amount) * 100, MidpointRounding.AwayFromZero);
        var dollars = cents / 100;
        var rest = cents % 100;
        var dollarWords = Counted(dollars, "dollar", "dollars");
        return rest == 0 ? dollarWords
            : dollars == 0 ? Counted(rest, "cent", "cents")
            : $"{dollarWords} and {Counted(rest, "cent", "cents")}";
    }

    /// <summary>"one minute", "ten minutes"; rounded up to whole minutes, never less than one.</summary>
    public static string Minutes(TimeSpan duration)
    {
        var minutes = (long)Math.Max(1, Math.Ceiling(duration.TotalMinutes));
        return Counted(minutes, "minute", "minutes");
    }

    /// <summary>A whole number in words: 0 → "zero", 21 → "twenty-one", 1250 → "one thousand two hundred fifty".</summary>
    public static string Number(long value)
    {
        if (value < 0)
        {
            return "minus " + Number(-value);
        }

        if (value < 1000)
        {
            return BelowThousand((int)value);
        }

        var words = new List<string>();
        var remaining = value;
        foreach (var (size, name) in Scales)
        {
            if (remaining >= size)
            {
                words.Add($"{Number(remaining / size)} {name}");
                remaining %= size;
            }
        }

        if (remaining > 0)
        {
            words.Add(BelowThousand((int)remaining));
        }

        return string.Join(' ', words);
    }

    /// <summary>"a", "a and b", "a, b, and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => new StringBuilder().AppendJoin(", ", items.Take(items.Count - 1)).Append(", and ").Append(items[^1]).ToString(),
    };

    private static string Counted(long count, string singular, string plural) =>
        $"{Number(count)} {(count == 1 ? singular : plural)}";

    private static string BelowThousand(int value)
    {
        if (value < 20)
        {
            return Ones[value];
        }

        if (value < 100)
        {
            return value % 10 == 0 ? Tens[value / 10] : $"{Tens[value / 10]}-{Ones[value % 10]}";
        }

        var hundreds = $"{Ones[value / 100]} hundred";
        return value % 100 == 0 ? hundreds : $"{hundreds} {BelowThousand(value % 100)}";
    }
}
