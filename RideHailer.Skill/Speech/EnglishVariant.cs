using System.Globalization;
using Humanizer;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Speech;

/// <summary>
/// Where the English of one Alexa locale differs from American English: its spelling ("cancelled", "kilometres"),
/// the "and" inside numbers ("one hundred and fifty"), and the unit distances are spoken in. Everything else (the
/// sentences, "mobile number", the currency words) is the same in every English locale.
/// </summary>
/// <param name="Locale">The Alexa locale ("en-GB").</param>
/// <param name="Distances">Miles or kilometres.</param>
/// <param name="Commonwealth">Commonwealth spelling and "one hundred and one" instead of American.</param>
public sealed record EnglishVariant(string Locale, DistanceUnit Distances, bool Commonwealth)
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static EnglishVariant UnitedStates { get; } = new("en-US", DistanceUnit.Miles, Commonwealth: false);

    public static EnglishVariant UnitedKingdom { get; } = new("en-GB", DistanceUnit.Miles, Commonwealth: true);

    public static EnglishVariant Canada { get; } = new("en-CA", DistanceUnit.Kilometres, Commonwealth: true);

    public static EnglishVariant Australia { get; } = new("en-AU", DistanceUnit.Kilometres, Commonwealth: true);

    public static EnglishVariant India { get; } = new("en-IN", DistanceUnit.Kilometres, Commonwealth: true);

    /// <summary>Every English locale the skill speaks.</summary>
    public static IReadOnlyList<EnglishVariant> All { get; } = [UnitedStates, UnitedKingdom, Canada, Australia, India];

    /// <summary>A whole number in this variant's words: "one hundred fifty" (US) or "one hundred and fifty".</summary>
    public string Number(long value) => !Commonwealth
        ? EnglishWords.Number(value)
        : value is >= int.MinValue and <= int.MaxValue ? ((int)value).ToWords(addAnd: true, English) : value.ToWords(English);

    /// <summary>The price in words of the quote's currency: "eleven pounds", "two hundred and fifty rupees".</summary>
    public string Money(Money price) => EnglishWords.Money(price, Number);

    /// <summary>A charge in this variant's words ("a cancellation fee of five pounds and fifty pence").</summary>
    public string Fee(Money price, string noun) => EnglishWords.Fee(price, noun, Number);

    /// <summary>"one minute", "ten minutes".</summary>
    public string Minutes(int minutes) => $"{Number(minutes)} {(minutes == 1 ? "minute" : "minutes")}";

    /// <summary>A distance in this locale's unit, to the nearest whole one and at least one: "three miles", "five kilometres".</summary>
    public string Distance(double kilometres)
    {
        var (one, many, perKilometre) = Distances == DistanceUnit.Miles ? ("mile", "miles", 1 / 1.609344) : ("kilometer", "kilometers", 1.0);
        var count = Math.Max(1, (long)Math.Round(kilometres * perKilometre, MidpointRounding.AwayFromZero));
        return Spell($"{Number(count)} {(count == 1 ? one : many)}");
    }

    /// <summary>American words as this variant spells them.</summary>
    public string Spell(string words) => Commonwealth ? CommonwealthSpelling.Of(words) : words;
}
