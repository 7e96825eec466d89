using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Places;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Domain;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// The reads a turn commands are run at the edge while its session is reached (<see cref="TurnReadAhead"/>): the session
/// answers from them without scheduling their activities, and runs an activity itself when its read failed.
/// </summary>
public sealed class ReadAheadTests
{
    private static readonly SimulatedRider Jane = RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() };

    [Fact]
    public async Task ARideRequest_IsQuotedWithoutThePlaceSearchOrTheRideOnItsWayAsActivities()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);

        var quote = await skill.NewSession(Jane).OrderAsync("the Space Needle");

        Assert.StartsWith("A ride to the Space Needle from your current location will cost ", Speech(quote), StringComparison.Ordinal);
        var scheduled = skill.Recorded.SerializedTypes.ToList();
        Assert.Contains(typeof(QuoteRideInput), scheduled);
        Assert.DoesNotContain(typeof(FindPlace), scheduled);
        Assert.DoesNotContain(typeof(FindActiveRideInput), scheduled);
    }

    [Fact]
    public async Task APlaceChosenAmongThoseOffered_IsQuotedWithoutTheRideOnItsWayAsAnActivity()
    {
        var places = new FakePlaceSearch(FoundPlaces.BroadStreetSeattle, FoundPlaces.BroadStreetEverett);
        await using var skill = await SkillHarness.StartAsync(
            BackendUnderTest.InMemory, configure: services => services.AddSingleton<IPlaceSearch>(places));
        var alexa = skill.NewSession(Jane);
        await alexa.SayAsync("take me to 400 Broad Street");

        var offer = await alexa.SayAsync("the second one");

        Assert.StartsWith("A ride to 400 Broad Street from your current location will cost", Speech(offer), StringComparison.Ordinal);
        Assert.Contains(typeof(QuoteRideInput), skill.Recorded.SerializedTypes);
        Assert.DoesNotContain(typeof(FindActiveRideInput), skill.Recorded.SerializedTypes);
    }

    [Fact]
    public async Task WhereIsMyRide_IsToldWithoutTheLatestRideAsAnActivity()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);

        var none = await skill.NewSession(Jane).IntentAsync(TurnReader.RideStatusIntent);

        Assert.Equal("You don't have a ride booked right now. Where would you like to go?", Speech(none));
        Assert.DoesNotContain(typeof(FindLatestRideInput), skill.Recorded.SerializedTypes);
    }

    [Fact]
    public async Task APlaceSearchThatFailsAtTheEdge_IsRunByTheSession_AndTheRiderIsQuoted()
    {
        var search = new FailingFirst(PlaceCatalog.Default);
        await using var skill = await SkillHarness.StartAsync(
            BackendUnderTest.InMemory, configure: services => services.AddSingleton<IPlaceSearch>(search));

        var quote = await skill.NewSession(Jane).OrderAsync("the Space Needle");

        Assert.StartsWith("A ride to the Space Needle from your current location will cost ", Speech(quote), StringComparison.Ordinal);
        Assert.Equal(2, search.Calls);
        Assert.Contains(typeof(FindPlace), skill.Recorded.SerializedTypes);
        Assert.DoesNotContain(typeof(FindActiveRideInput), skill.Recorded.SerializedTypes);
        Assert.Contains(skill.Recorded.Logs, line => line.Contains("Reading FindPlace ahead of the session failed (HttpRequestException)", StringComparison.Ordinal));
    }

    /// <summary>A search whose first call fails, as an outage that is over by the retry.</summary>
    private sealed class FailingFirst(IPlaceSearch inner) : IPlaceSearch
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<IReadOnlyList<Place>> FindAsync(PlaceQuery query, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? throw new HttpRequestException("the place search is down")
                : inner.FindAsync(query, cancellationToken);
    }
}
