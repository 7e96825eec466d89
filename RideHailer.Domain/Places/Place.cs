namespace RideHailer.Domain.Places;

/// <summary>A place a ride can go to, as found for what the rider said.</summary>
/// <param name="Id">Stable id ("space-needle"); the same place found twice has the same id.</param>
/// <param name="Name">Display name for cards ("Space Needle").</param>
/// <param name="SpokenName">How Alexa says it in a sentence ("the Space Needle").</param>
/// <param name="Location">Where it is.</param>
/// <param name="City">The city it is in.</param>
/// <param name="Aliases">Other names it is known by ("the airport", "sea tac"), when the search knows any.</param>
public sealed record Place(
    string Id,
    string Name,
    string SpokenName,
    GeoPoint Location,
    string City,
    IReadOnlyList<string> Aliases)
{
    private static readonly IReadOnlyDictionary<string, PlaceNames> NoOtherLanguages = new Dictionary<string, PlaceNames>();

    /// <summary>How sure the search is that this is what the rider said.</summary>
    public PlaceConfidence Confidence { get; init; } = PlaceConfidence.High;

    /// <summary>
    /// What riders say for it for short, when that is not its <see cref="SpokenName"/> ("the airport" for Seattle's
    /// airport): help names it so when it gives the place as an example. Null: its spoken name.
    /// </summary>
    public string? ShortName { get; init; }

    /// <summary>
    /// Its names in other languages than <see cref="Name"/>'s, by language ("de"): what a rider of that language calls
    /// it ("Flughafen Heathrow") and hears it called. A language not here calls it by <see cref="Name"/>.
    /// </summary>
    public IReadOnlyDictionary<string, PlaceNames> NamesByLanguage { get; init; } = NoOtherLanguages;

    /// <summary>Its name in <paramref name="language"/> ("de"): the name of that language when it has one, else <see cref="Name"/>.</summary>
    public string NameIn(string language) =>
        NamesByLanguage.TryGetValue(language, out var names) ? names.Name : Name;
}

/// <summary>A place's names in one language: the name that language says and shows, and the other names its riders use.</summary>
/// <param name="Name">The name ("Flughafen Heathrow", "Brandenburger Tor").</param>
/// <param name="Aliases">Other names riders of the language say ("Flughafen London Heathrow").</param>
public sealed record PlaceNames(string Name, IReadOnlyList<string> Aliases)
{
    /// <summary>What riders of the language say for it for short ("Flughafen BER"), when that is not <see cref="Name"/>.</summary>
    public string? ShortName { get; init; }
}
