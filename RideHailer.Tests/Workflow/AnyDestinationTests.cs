using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain.Places;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Domain;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// Through the endpoint, the orchestration and a place search that is not the catalog: a street address found twice
/// far apart is a choice answered in the rider's words, a failed search is not the rider's fault, and home is the
/// device's address.
/// </summary>
public sealed class AnyDestinationTests
{
    [Fact]
    public async Task TwoFarApartResults_AreAChoice_AnsweredByPositionWithoutANewSearch()
    {
        var places = new FakePlaceSearch(FoundPlaces.BroadStreetSeattle, FoundPlaces.BroadStreetEverett);
        await using var skill = await StartAsync(places);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });

        var asked = await alexa.SayAsync("take me to 400 Broad Street");
        var offer = await alexa.SayAsync("the second one");

        Assert.Equal("I found two: 400 Broad Street in Seattle, and 400 Broad Street in Everett. Which one?", Speech(asked));
        Assert.False((bool)asked["response"]!["shouldEndSession"]!);
        Assert.StartsWith("A ride to 400 Broad Street from your current location will cost", Speech(offer), StringComparison.Ordinal);
        var query = Assert.Single(places.Queries);
        Assert.Equal("400 broad street", query.Said);
        Assert.Null(query.PlaceId);
    }

    [Fact]
    public async Task TheChoice_AnsweredByTown_OrAskedAgain()
    {
        var places = new FakePlaceSearch(FoundPlaces.BroadStreetSeattle, FoundPlaces.BroadStreetEverett);
        await using var skill = await StartAsync(places);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });
        await alexa.SayAsync("400 Broad Street");

        var again = await alexa.SayAsync("the one in Portland");
        var offer = await alexa.SayAsync("the one in Everett");

        Assert.Equal("Sorry, I didn't get that. Which one: 400 Broad Street in Seattle, or 400 Broad Street in Everett?", Speech(again));
        Assert.StartsWith("A ride to 400 Broad Street from", Speech(offer), StringComparison.Ordinal);
        Assert.Single(places.Queries);
    }

    [Fact]
    public async Task ASearchThatFails_IsNotThePlacesFault_AndTheQuestionStaysOpen()
    {
        var places = new FakePlaceSearch { Failure = new HttpRequestException("search down") };
        await using var skill = await StartAsync(places);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });

        var response = await alexa.SayAsync("take me to 400 Broad Street");

        Assert.Equal("I can't look up places right now. Where would you like to go?", Speech(response));
        Assert.False((bool)response["response"]!["shouldEndSession"]!);
    }

    [Fact]
    public async Task TakeMeHome_SearchesTheDevicesFullAddress_EvenWithAGeolocation()
    {
        var places = new FakePlaceSearch(FoundPlaces.Home);
        await using var skill = await StartAsync(places);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = [.. RiderSetup.AllScopes(), PermissionScopes.FullAddress] });

        var offer = await alexa.SayAsync("take me home");

        Assert.StartsWith("A ride to 5300 Ballard Avenue Northwest from your current location will cost", Speech(offer), StringComparison.Ordinal);
        var query = Assert.Single(places.Queries);
        Assert.Equal("400 Broad St, Seattle, WA, 98109", query.Said);
        Assert.NotNull(query.Near);
    }

    [Fact]
    public async Task TakeMeHome_FromTheDevicesAddress_IsAlreadyHome()
    {
        var places = new FakePlaceSearch(FoundPlaces.Home);
        await using var skill = await StartAsync(places);
        var alexa = skill.NewSession(RiderSetup.Default with { Geolocation = false, GrantedEarlier = RiderSetup.AllScopes(geolocation: false) });

        var response = await alexa.SayAsync("take me home");

        Assert.Equal("You're already at home. Where would you like to go?", Speech(response));
    }

    private static Task<SkillHarness> StartAsync(IPlaceSearch places) =>
        SkillHarness.StartAsync(BackendUnderTest.InMemory, configure: services => services.AddSingleton(places));
}
