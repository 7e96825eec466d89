namespace RideHailer.Domain.Places;

/// <summary>
/// The main city of a marketplace the skill serves, as help speaks of it: where the city is, the locale whose riders
/// live there unless their pickup says otherwise, and the places help gives as examples of what to ask for.
/// </summary>
/// <param name="City">The city ("London").</param>
/// <param name="Centre">Its centre.</param>
/// <param name="Locale">The Alexa locale whose main city it is ("en-GB").</param>
/// <param name="Examples">A landmark and the airport of the city.</param>
public sealed record PlaceMarket(string City, GeoPoint Centre, string Locale, PlaceExamples Examples)
{
    /// <summary>A pickup this close to the centre is in the city (its airport included).</summary>
    public const double RadiusKilometres = 80;

    /// <summary>Whether <paramref name="pickup"/> is in this city: its point near the centre, else (no point) its address's city this one.</summary>
    public bool Holds(Pickup pickup)
    {
        ArgumentNullException.ThrowIfNull(pickup);
        return pickup.Point is { } point
            ? point.KilometresTo(Centre) <= RadiusKilometres
            : string.Equals(pickup.City?.Trim(), City, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The market of a rider: the one their pickup is in, when the pickup is known and in one; else the main city of
    /// <paramref name="locale"/>; else that of <paramref name="fallbackLocale"/> (the locale an unknown one is answered
    /// in). Null when <paramref name="markets"/> has none of these.
    /// </summary>
    public static PlaceMarket? Of(IReadOnlyList<PlaceMarket> markets, Pickup? pickup, string? locale, string fallbackLocale)
    {
        ArgumentNullException.ThrowIfNull(markets);
        return (pickup is null ? null : markets.Where(market => market.Holds(pickup)).MinBy(market => pickup.Point?.KilometresTo(market.Centre) ?? 0))
            ?? markets.FirstOrDefault(market => string.Equals(market.Locale, locale, StringComparison.OrdinalIgnoreCase))
            ?? markets.FirstOrDefault(market => string.Equals(market.Locale, fallbackLocale, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>The places help names as examples of what a rider can ask for: a landmark, and the airport.</summary>
public sealed record PlaceExamples(Place Landmark, Place Airport);
