using System.Globalization;
using System.Text;
using Humanizer;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Speech;

/// <summary>
/// Numbers, money, minutes and distances as German words ("fünfzehn Euro", "ein Pfund", "in einer Minute").
/// Humanizer says the numbers; it needs a German culture, which invariant globalization cannot create by name,
/// so it gets a <see cref="LanguageCulture"/> that only says "de".
/// </summary>
internal static class GermanWords
{
    private static readonly CultureInfo German = new LanguageCulture("de");

    /// <summary>Each currency's unit and hundredth as German says them (one, many, and whether "one" is "eine"), and its card symbol.</summary>
    private static readonly Dictionary<string, (Unit Major, Unit Minor, string? Symbol)> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = (new("Dollar", "Dollar"), new("Cent", "Cent"), "$"),
        ["CAD"] = (new("kanadischer Dollar", "kanadische Dollar"), new("Cent", "Cent"), null),
        ["AUD"] = (new("australischer Dollar", "australische Dollar"), new("Cent", "Cent"), null),
        ["GBP"] = (new("Pfund", "Pfund"), new("Penny", "Pence"), "£"),
        ["EUR"] = (new("Euro", "Euro"), new("Cent", "Cent"), "€"),
        ["INR"] = (new("Rupie", "Rupien", Feminine: true), new("Paisa", "Paise"), null),
    };

    /// <summary>"fünfzehn Euro", "ein Euro", "zwölf Euro und fünfzig Cent", "zweihundert Rupien", "eine Rupie".</summary>
    public static string Money(Money price)
    {
        ArgumentNullException.ThrowIfNull(price);
        var (major, minor, _) = Currencies.TryGetValue(price.Currency, out var names)
            ? names
            : (new Unit(price.Currency, price.Currency), new Unit("Hundertstel", "Hundertstel"), null);
        var hundredths = (long)Math.Round(Math.Abs(price.Amount) * 100, MidpointRounding.AwayFromZero);
        var (whole, rest) = (hundredths / 100, hundredths % 100);
        return rest == 0 ? Counted(whole, major)
            : whole == 0 ? Counted(rest, minor)
            : $"{Counted(whole, major)} und {Counted(rest, minor)}";
    }

    /// <summary>A price as a German card writes it: "12,50 €", "8,00 £", "12,50 CAD".</summary>
    public static string Written(Money price)
    {
        ArgumentNullException.ThrowIfNull(price);
        var amount = price.Amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
        return Currencies.TryGetValue(price.Currency, out var names) && names.Symbol is { } symbol
            ? $"{amount} {symbol}"
            : $"{amount} {price.Currency}";
    }

    /// <summary>Minutes after "in": "in einer Minute", "in zehn Minuten".</summary>
    public static string InMinutes(int minutes) => minutes == 1 ? "einer Minute" : $"{Number(minutes)} Minuten";

    /// <summary>A distance in kilometres, to the nearest whole one and at least one: "ein Kilometer", "drei Kilometer".</summary>
    public static string Distance(double kilometres)
    {
        var count = Math.Max(1, (long)Math.Round(kilometres, MidpointRounding.AwayFromZero));
        return Counted(count, new Unit("Kilometer", "Kilometer"));
    }

    /// <summary>A whole number in words: 0 → "null", 21 → "einundzwanzig", 1250 → "eintausendzweihundertfünfzig".</summary>
    public static string Number(long value) => value is >= int.MinValue and <= int.MaxValue
        ? ((int)value).ToWords(German)
        : value.ToWords(German);

    /// <summary>"a", "a und b", "a, b und c" (German puts no comma before "und").</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => new StringBuilder().AppendJoin(", ", items.Take(items.Count - 1)).Append(" und ").Append(items[^1]).ToString(),
    };

    /// <summary>
    /// A count before a noun: "ein Euro", "eine Rupie", "einhundertein Euro" (the counted "eins" loses its "s").
    /// </summary>
    private static string Counted(long count, Unit unit)
    {
        if (count == 1)
        {
            return $"{(unit.Feminine ? "eine" : "ein")} {unit.One}";
        }

        var words = Number(count);
        if (words.EndsWith("eins", StringComparison.Ordinal))
        {
            words = words[..^1];
        }

        return $"{words} {unit.Many}";
    }

    private sealed record Unit(string One, string Many, bool Feminine = false);
}
