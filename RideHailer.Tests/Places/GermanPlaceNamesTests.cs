using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Simulation;
using RideHailer.Skill.Places;
using RideHailer.Skill.Speech;

namespace RideHailer.Tests.Places;

/// <summary>
/// What a German speaker calls the catalog's places: each German name and alias is the same stable id in the catalog
/// and in the de-DE model, and German replies say the German name while English replies stay as they were.
/// </summary>
public sealed class GermanPlaceNamesTests
{
    private static readonly UtteranceResolver German = new(InteractionModel.For("de-DE"));

    /// <summary>Every German name, alias and short name of the catalog, with its place's id.</summary>
    public static TheoryData<string, string> GermanNames()
    {
        var names = new TheoryData<string, string>();
        foreach (var (name, id) in PlaceCatalog.Default.All
            .Where(place => place.NamesByLanguage.ContainsKey(KnownPlaces.GermanLanguage))
            .SelectMany(place =>
            {
                var german = place.NamesByLanguage[KnownPlaces.GermanLanguage];
                return german.Aliases.Prepend(german.Name).Append(german.ShortName).OfType<string>().Select(name => (name, place.Id));
            })
            .Distinct())
        {
            names.Add(name, id);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(GermanNames))]
    public void EveryGermanName_IsItsPlace_InTheCatalogAndTheGermanModel(string name, string id)
    {
        Assert.True(PlaceCatalog.Default.TryMatch(name, out var place), $"the catalog does not know '{name}'");
        Assert.Equal(id, place.Id);
        Assert.Equal(id, Destination(German.Resolve($"mein Ziel ist {name}")));
    }

    [Theory]
    [InlineData("bring mich zum Flughafen Heathrow", "heathrow-airport")]
    [InlineData("ein Taxi zum Opernhaus Sydney", "sydney-opera-house")]
    [InlineData("ich möchte zum Tower von London", "tower-of-london")]
    [InlineData("fahr mich zum Berliner Dom", "berlin-cathedral")]
    [InlineData("zum Brandenburger Tor bitte", "brandenburg-gate")]
    [InlineData("ich muss zum Hauptbahnhof", "berlin-hauptbahnhof")]
    [InlineData("bring mich zur Freiheitsstatue", "statue-of-liberty")]
    [InlineData("ein Taxi zum Flughafen BER", "berlin-brandenburg-airport")]
    [InlineData("mein Ziel ist der Flughafen Toronto Pearson", "toronto-pearson-international-airport")]
    [InlineData("mein Ziel ist das Brandenburger Tor", "brandenburg-gate")]
    [InlineData("bring mich zur Space Needle", "space-needle")]
    [InlineData("ich möchte zum London Eye", "london-eye")]
    [InlineData("bring mich nach Heathrow", "heathrow-airport")]
    public void WhatAGermanSpeakerSays_ResolvesToThePlace(string said, string id) => Assert.Equal(id, Destination(German.Resolve(said)));

    [Theory]
    [InlineData("der Flughafen Heathrow", "heathrow-airport")]
    [InlineData("das Opernhaus Sydney", "sydney-opera-house")]
    [InlineData("die Freiheitsstatue", "statue-of-liberty")]
    [InlineData("Tower von London", "tower-of-london")]
    public void TheCatalog_MatchesAGermanNameWithItsArticle(string said, string id)
    {
        Assert.True(PlaceCatalog.Default.TryMatch(said, out var place));
        Assert.Equal(id, place.Id);
    }

    [Fact]
    public void TheGermanModel_NamesEachPlaceByItsGermanName_AndKeepsEnglishNamesGermanSpeakersUse()
    {
        var places = InteractionModel.For("de-DE").SlotTypes["PlaceName"].Values.ToDictionary(value => value.Id!);

        Assert.Equal("Flughafen Heathrow", places["heathrow-airport"].Name);
        Assert.Contains("Heathrow Airport", places["heathrow-airport"].Synonyms);
        Assert.Equal("Opernhaus Sydney", places["sydney-opera-house"].Name);
        Assert.Equal("Brandenburger Tor", places["brandenburg-gate"].Name);
        Assert.Equal("Space Needle", places["space-needle"].Name);
        Assert.Equal("Heathrow Airport", InteractionModel.For("en-GB").SlotTypes["PlaceName"].Values.Single(value => value.Id == "heathrow-airport").Name);
    }

    [Theory]
    [InlineData("heathrow-airport", "Flughafen Heathrow", "Heathrow Airport")]
    [InlineData("sydney-opera-house", "Opernhaus Sydney", "the Sydney Opera House")]
    [InlineData("tower-of-london", "Tower von London", "the Tower of London")]
    [InlineData("space-needle", "Space Needle", "the Space Needle")]
    public void TheOffer_SaysTheGermanNameInGerman_AndTheEnglishOneInEnglish(string id, string german, string english)
    {
        Assert.True(PlaceCatalog.Default.TryGet(id, out var place));
        var offer = new Offer(place, PickupSource.Geolocation, new Money(30m, "GBP"), 6);

        Assert.Contains($"mit dem Ziel {german} kostet", Text(Table("de-DE").Say(offer)), StringComparison.Ordinal);
        Assert.StartsWith($"A ride to {english} from your current location", Text(Table("en-GB").Say(offer)), StringComparison.Ordinal);
        Assert.Contains($"Ziel: {german}", Table("de-DE").BookedCard(Card(place)).Content, StringComparison.Ordinal);
        Assert.Contains($"Destination: {place.Name}", Table("en-GB").BookedCard(Card(place)).Content, StringComparison.Ordinal);
    }

    private static string? Destination(ResolvedUtterance heard)
    {
        var intent = Assert.IsType<IntentUtterance>(heard);
        Assert.Equal("OrderRideIntent", intent.IntentName);
        return intent.Slots.Single(slot => slot.Name == "destination").Match?.Id;
    }

    private static RideBookedCard Card(Place destination) => new(
        new Dispatch("Oliver", "a black Skoda Octavia", "LB21 XKE", TimeSpan.FromMinutes(4)),
        Pickup.AtGeolocation(new GeoPoint(51.5074, -0.1278)),
        destination,
        new Money(30m, "GBP"),
        4);

    private static PhraseTable Table(string locale) => PhraseBook.Shipped.Single(table => table.Locales.Contains(locale));

    private static string Text(IReadOnlyList<SpeechPart> parts) =>
        string.Concat(parts.Select(part => part is SpokenText text ? text.Text : string.Empty));
}
