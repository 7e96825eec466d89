namespace RideHailer.Domain.Places;

/// <summary>A destination the skill knows.</summary>
/// <param name="Id">Stable id ("space-needle"); interaction-model slot ids are generated from it.</param>
/// <param name="Name">Display name for cards ("Space Needle").</param>
/// <param name="SpokenName">How Alexa says it in a sentence ("the Space Needle").</param>
/// <param name="Location">Where it is.</param>
/// <param name="City">The city it is in.</param>
/// <param name="Aliases">Other ways riders say it ("the airport", "sea tac").</param>
public sealed record Place(
    string Id,
    string Name,
    string SpokenName,
    GeoPoint Location,
    string City,
    IReadOnlyList<string> Aliases);
