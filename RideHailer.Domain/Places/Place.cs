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
    /// <summary>How sure the search is that this is what the rider said.</summary>
    public PlaceConfidence Confidence { get; init; } = PlaceConfidence.High;
}
