using RideHailer.Domain.Places;
using RideHailer.Tests.Support.Domain;
using static RideHailer.Tests.Support.Domain.FoundPlaces;

namespace RideHailer.Tests.Domain.Places;

/// <summary>Which places found are offered to the rider, and which of them an answer names.</summary>
public sealed class PlaceChoicesTests
{
    [Fact]
    public void KilometresTo_IsTheMilesInKilometres()
    {
        var kilometres = BroadStreetSeattle.Location.KilometresTo(BroadStreetEverett.Location);

        Assert.Equal(BroadStreetSeattle.Location.MilesTo(BroadStreetEverett.Location) * 1.609344, kilometres, 9);
        Assert.InRange(kilometres, 38, 44);
    }

    [Fact]
    public void NothingFound_OffersNothing() => Assert.Empty(PlaceChoices.Among([]));

    [Fact]
    public void OneFound_IsTheClearMatch() => Assert.Equal([BroadStreetSeattle], PlaceChoices.Among([BroadStreetSeattle]));

    [Fact]
    public void SameConfidenceFarApart_AreAllOffered_EvenWhenOneIsMuchNearerThePickup()
    {
        // Seattle's is a kilometre and a half from the downtown pickup, Tacoma's fifty: the rider may mean either.
        Assert.True(Riders.Downtown.KilometresTo(BroadStreetSeattle.Location) < 2);
        Assert.True(Riders.Downtown.KilometresTo(BroadStreetTacoma.Location) > 40);

        Assert.Equal([BroadStreetSeattle, BroadStreetTacoma], PlaceChoices.Among([BroadStreetSeattle, BroadStreetTacoma]));
    }

    [Fact]
    public void WithinAKilometre_AreOnePlace_TheFirstStandingForBoth()
    {
        Assert.True(BroadStreetSeattle.Location.KilometresTo(BroadStreetSeattleNextDoor.Location) < PlaceChoices.DistinctKilometres);

        Assert.Equal([BroadStreetSeattle], PlaceChoices.Among([BroadStreetSeattle, BroadStreetSeattleNextDoor]));
        Assert.Equal(
            [BroadStreetSeattle, BroadStreetEverett],
            PlaceChoices.Among([BroadStreetSeattle, BroadStreetSeattleNextDoor, BroadStreetEverett]));
    }

    [Theory]
    [InlineData(PlaceConfidence.High, PlaceConfidence.Medium, "Seattle")]
    [InlineData(PlaceConfidence.Medium, PlaceConfidence.High, "Everett")]
    [InlineData(PlaceConfidence.Low, PlaceConfidence.Medium, "Everett")]
    public void DifferentConfidence_OffersOnlyTheMostConfident(PlaceConfidence seattle, PlaceConfidence everett, string offered)
    {
        var found = PlaceChoices.Among([BroadStreetSeattle with { Confidence = seattle }, BroadStreetEverett with { Confidence = everett }]);

        Assert.Equal(offered, Assert.Single(found).City);
    }

    [Fact]
    public void FourFarApart_OffersTheFirstThree()
    {
        var found = PlaceChoices.Among([BroadStreetSeattle, BroadStreetEverett, BroadStreetTacoma, BroadStreetBellevue]);

        Assert.Equal([BroadStreetSeattle, BroadStreetEverett, BroadStreetTacoma], found);
    }

    [Theory]
    [InlineData("the one in Everett", "Everett")]
    [InlineData("Everett", "Everett")]
    [InlineData("400 Broad Street in Everett", "Everett")]
    [InlineData("400 broad st. in TACOMA", "Tacoma")]
    [InlineData("the Seattle one", "Seattle")]
    public void Named_ByLocality_IsThatPlace(string said, string city)
    {
        var named = PlaceChoices.Named([BroadStreetSeattle, BroadStreetEverett, BroadStreetTacoma], said);

        Assert.Equal(city, Assert.Single(named).City);
    }

    [Fact]
    public void Named_ByNameAmongPlacesOfOneTown_IsThatPlace()
    {
        var pine = Street("1500 Pine Street", "Seattle", 47.6145, -122.3280);
        var named = PlaceChoices.Named([BroadStreetSeattle, pine], "Pine Street in Seattle, please");

        Assert.Equal(pine, Assert.Single(named));
    }

    [Theory]
    [InlineData("400 Broad Street", 2)]
    [InlineData("the one in Portland", 0)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void Named_SeveralOrNone_IsNotAChoice(string? said, int count) =>
        Assert.Equal(count, PlaceChoices.Named([BroadStreetSeattle, BroadStreetEverett], said).Count);
}
