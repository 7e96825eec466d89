using RideHailer.Domain.Places;
using RideHailer.Skill.Places;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Domain.Places;

public sealed class PlaceCatalogTests
{
    private static readonly PlaceCatalog Catalog = PlaceCatalog.Default;

    [Theory]
    [InlineData("Space Needle", "space-needle")]
    [InlineData("the space needle", "space-needle")]
    [InlineData("  THE SPACE NEEDLE!  ", "space-needle")]
    [InlineData("space-needle", "space-needle")]
    [InlineData("the airport", "seattle-tacoma-international-airport")]
    [InlineData("airport", "seattle-tacoma-international-airport")]
    [InlineData("sea tac", "seattle-tacoma-international-airport")]
    [InlineData("SeaTac", "seattle-tacoma-international-airport")]
    [InlineData("Sea-Tac", "seattle-tacoma-international-airport")]
    [InlineData("Seattle-Tacoma International Airport", "seattle-tacoma-international-airport")]
    [InlineData("Pike Place.", "pike-place-market")]
    [InlineData("MoPOP", "museum-of-pop-culture")]
    [InlineData("the Museum of Pop Culture", "museum-of-pop-culture")]
    [InlineData("lumen field", "lumen-field")]
    [InlineData("T Mobile Park", "t-mobile-park")]
    [InlineData("U Dub", "university-of-washington")]
    [InlineData("chihuly garden and glass", "chihuly-garden-and-glass")]
    [InlineData("the aquarium", "seattle-aquarium")]
    [InlineData("Kerry Park", "kerry-park")]
    [InlineData("the zoo", "woodland-park-zoo")]
    [InlineData("the spheres", "amazon-spheres")]
    [InlineData("fisherman's wharf", "fishermans-wharf")]
    [InlineData("Fishermans Wharf", "fishermans-wharf")]
    [InlineData("the Golden Gate Bridge", "golden-gate-bridge")]
    [InlineData("statue of liberty", "statue-of-liberty")]
    public void TryMatch_ToleratesCasePunctuationSpacingAndLeadingThe(string said, string id)
    {
        Assert.True(Catalog.TryMatch(said, out var place));
        Assert.Equal(id, place.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the")]
    [InlineData("Narnia")]
    [InlineData("space")]
    [InlineData("the space needle please take me there")]
    public void TryMatch_UnknownOrEmpty_IsFalse(string? said)
    {
        Assert.False(Catalog.TryMatch(said, out var place));
        Assert.Null(place);
    }

    [Fact]
    public void Default_HoldsAtLeastTwelveSeattleLandmarksAndSomeOtherCities()
    {
        string[] required =
        [
            "space-needle", "pike-place-market", "seattle-tacoma-international-airport", "museum-of-pop-culture", "lumen-field",
            "t-mobile-park", "university-of-washington", "chihuly-garden-and-glass", "seattle-aquarium", "kerry-park",
            "woodland-park-zoo", "amazon-spheres",
        ];

        Assert.All(required, id => Assert.True(Catalog.TryGet(id, out _), id));
        Assert.True(Catalog.All.Count(p => p.City == "Seattle") >= 12);
        Assert.True(Catalog.All.Select(p => p.City).Distinct().Count() >= 4);
    }

    [Fact]
    public void Default_IdsAreSlugsAndPlacesSitInTheirCity()
    {
        var downtownSeattle = new GeoPoint(47.6062, -122.3321);
        Assert.All(Catalog.All, place =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", place.Id);
            Assert.False(string.IsNullOrWhiteSpace(place.SpokenName));
            if (place.City == "Seattle")
            {
                Assert.True(place.Location.MilesTo(downtownSeattle) < 15, $"{place.Id} is not near Seattle.");
            }
        });
        Assert.Equal("the Space Needle", Catalog.All.Single(p => p.Id == "space-needle").SpokenName);
    }

    [Theory]
    [InlineData("Brandenburger Tor", "brandenburg-gate")]
    [InlineData("the Brandenburg Gate", "brandenburg-gate")]
    [InlineData("Fernsehturm", "berlin-tv-tower")]
    [InlineData("Museumsinsel", "museum-island")]
    [InlineData("Reichstagsgebäude", "reichstag-building")]
    [InlineData("Schloss Charlottenburg", "charlottenburg-palace")]
    [InlineData("Berliner Dom", "berlin-cathedral")]
    [InlineData("Gedächtniskirche", "kaiser-wilhelm-memorial-church")]
    [InlineData("the Tower of London", "tower-of-london")]
    [InlineData("Heathrow", "heathrow-airport")]
    [InlineData("St Paul's", "st-pauls-cathedral")]
    [InlineData("the CN Tower", "cn-tower")]
    [InlineData("Pearson Airport", "toronto-pearson-international-airport")]
    [InlineData("the Opera House", "sydney-opera-house")]
    [InlineData("the Harbour Bridge", "sydney-harbour-bridge")]
    [InlineData("the Gateway of India", "gateway-of-india")]
    [InlineData("C S T", "chhatrapati-shivaji-maharaj-terminus")]
    [InlineData("Mumbai Airport", "mumbai-airport")]
    public void TryMatch_FindsTheLandmarksOfEveryMarketsCity_AndBerlinsByTheirGermanNames(string said, string id)
    {
        Assert.True(Catalog.TryMatch(said, out var place));
        Assert.Equal(id, place.Id);
    }

    [Theory]
    [InlineData("London", 51.5074, -0.1278)]
    [InlineData("Toronto", 43.6532, -79.3832)]
    [InlineData("Sydney", -33.8688, 151.2093)]
    [InlineData("Mumbai", 19.0760, 72.8777)]
    [InlineData("Berlin", 52.5200, 13.4050)]
    [InlineData("Seattle", 47.6062, -122.3321)]
    public void Default_HoldsAboutADozenLandmarksOfEachMarketsCity_InThatCity(string city, double latitude, double longitude)
    {
        var center = new GeoPoint(latitude, longitude);
        var places = Catalog.All.Where(place => place.City == city).ToList();

        Assert.InRange(places.Count, 12, 20);
        Assert.All(places, place => Assert.True(place.Location.MilesTo(center) < 25, $"{place.Id} is not near {city}."));
        Assert.All(places, place => Assert.Equal(PlaceConfidence.High, place.Confidence));
    }

    [Fact]
    public void Default_KeepsTheOriginalPlacesAndIdsFirst()
    {
        string[] original =
        [
            "space-needle", "pike-place-market", "seattle-tacoma-international-airport", "museum-of-pop-culture", "lumen-field",
            "t-mobile-park", "university-of-washington", "chihuly-garden-and-glass", "seattle-aquarium", "kerry-park",
            "woodland-park-zoo", "amazon-spheres", "seattle-central-library", "climate-pledge-arena", "seattle-great-wheel",
            "king-street-station", "golden-gate-bridge", "fishermans-wharf", "statue-of-liberty", "empire-state-building",
            "pioneer-courthouse-square", "stanley-park",
        ];

        Assert.Equal(original, Catalog.All.Take(original.Length).Select(place => place.Id));
        // The generic aliases stay where they always were.
        Assert.True(Catalog.TryMatch("the airport", out var airport));
        Assert.Equal("seattle-tacoma-international-airport", airport.Id);
        Assert.True(Catalog.TryMatch("the zoo", out var zoo));
        Assert.Equal("woodland-park-zoo", zoo.Id);
    }

    [Fact]
    public void TryGet_ByIdIsExact()
    {
        Assert.True(Catalog.TryGet("kerry-park", out var place));
        Assert.Equal("Kerry Park", place.Name);
        Assert.False(Catalog.TryGet("Kerry Park", out _));
        Assert.False(Catalog.TryGet(null, out _));
    }

    [Fact]
    public void Constructor_RejectsAnAliasNamingTwoPlaces()
    {
        Place[] places =
        [
            new("a", "Alpha", "Alpha", new(0, 0), "X", ["the spot"]),
            new("b", "Beta", "Beta", new(0, 0), "X", ["Spot!"]),
        ];

        Assert.Throws<ArgumentException>(() => new PlaceCatalog(places));
    }

    [Fact]
    public void Constructor_RejectsDuplicateIds()
    {
        Place[] places = [new("a", "Alpha", "Alpha", new(0, 0), "X", []), new("a", "Beta", "Beta", new(0, 0), "X", [])];

        Assert.Throws<ArgumentException>(() => new PlaceCatalog(places));
    }

    [Fact]
    public void MilesTo_UsesHaversineDistance()
    {
        Assert.Equal(69.09, new GeoPoint(0, 0).MilesTo(new GeoPoint(0, 1)), 2);
        Assert.Equal(0, Riders.Downtown.MilesTo(Riders.Downtown), 6);
        var seattleToPortland = new GeoPoint(47.6062, -122.3321).MilesTo(new GeoPoint(45.5152, -122.6784));
        Assert.InRange(seattleToPortland, 144, 146);
    }
}
