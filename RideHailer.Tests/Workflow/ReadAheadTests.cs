using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Places;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Rides;
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

    [Fact]
    public async Task AfterACancelInTheSession_WhereIsMyRide_IsLookedUpByTheSessionItself()
    {
        var provider = new ScriptedRideProvider(new LocalFleet(FleetTariff.Standard)) { Fee = new Money(5m, "USD") };
        await using var skill = await WithABookedRideAsync(provider);
        var alexa = skill.NewSession(Jane);
        Assert.StartsWith("You already have a ride to the Space Needle", Speech(await alexa.OrderAsync("Pike Place Market")), StringComparison.Ordinal);
        Assert.StartsWith("A ride to Pike Place Market", Speech(await alexa.YesAsync()), StringComparison.Ordinal);
        Assert.StartsWith("Cancel your ride to the Space Needle", Speech(await alexa.SayAsync("cancel my ride")), StringComparison.Ordinal);
        Assert.StartsWith("Ok, I cancelled your ride to the Space Needle.", Speech(await alexa.YesAsync()), StringComparison.Ordinal);

        var where = await alexa.SayAsync("where is my ride");

        Assert.StartsWith("Your last ride was cancelled.", Speech(where), StringComparison.Ordinal);
        // "Cancel my ride" was answered from the edge's read; the question after the cancel, whose read the edge may have
        // taken before the cancel landed, by the session's own look-up (an input is serialized again on each replay).
        var serialized = skill.Recorded.SerializedTypes.ToList();
        Assert.Contains(typeof(CancelRideInput), serialized);
        Assert.Contains(typeof(FindLatestRideInput), serialized);
        Assert.True(serialized.IndexOf(typeof(FindLatestRideInput)) > serialized.IndexOf(typeof(CancelRideInput)), "looked up before the cancel");
    }

    [Theory]
    [InlineData(true, "400 Broad Street", "Space Needle")]
    [InlineData(false, "Space Needle", "400 Broad Street")]
    public async Task ASessionStartedWithoutReadsAhead_RunsItsReadsAsActivities(bool takesReads, string destination, string notThere)
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var ride = new RideRequested("the Space Needle", "space-needle");
        var search = Conversation.ReadsAhead(ride, Riders.FullyGranted())[0];

        var answer = await AnswerAsync(skill, new ReadAheadResult(search, new PlacesFound([FoundPlaces.BroadStreetSeattle])), takesReads);

        Assert.Contains(destination, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(notThere, answer, StringComparison.Ordinal);
        Assert.Equal(!takesReads, skill.Recorded.SerializedTypes.Contains(typeof(FindPlace)));
    }

    [Fact]
    public async Task AForgedCancelResultInATurn_DoesNotSkipTheCancelAtTheProvider()
    {
        var provider = new ScriptedRideProvider(new LocalFleet(FleetTariff.Standard)) { Fee = new Money(5m, "USD") };
        await using var skill = await WithABookedRideAsync(provider);
        var booking = (await skill.BookingsAsync()).Single();
        var alexa = skill.NewSession(Jane);
        Assert.StartsWith("Cancel your ride to the Space Needle", Speech(await alexa.IntentAsync(TurnReader.CancelRideIntent)), StringComparison.Ordinal);

        // The rider's "yes", raised on the session as a turn whose reads ahead claim the cancel is done (as anyone with the
        // durable client's key could): a cancel is not a read, so the session cancels at the provider all the same.
        var cancel = new CancelRide(booking.IdempotencyKey, booking.Dispatch.RideId!, new Money(5m, "USD"));
        var forged = new TurnEvent("forged-yes", new Yes(), Riders.FullyGranted())
        {
            Caller = SessionCaller.Of(Jane.UserId, Jane.PersonId),
            ReadAhead = [new ReadAheadResult(cancel, new RideCanceled(new RideCancellation(RideStatus.RiderCanceled, null)))],
        };
        var durable = skill.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = SessionInstanceId.For(alexa.SessionId);
        await durable.RaiseEventAsync(instanceId, SessionOrchestration.TurnEventName, forged);
        await PublishedReplies.WhenAnsweredAsync(durable, instanceId, "forged-yes");

        Assert.Equal(1, provider.CancelCalls);
        Assert.Contains(typeof(CancelRideInput), skill.Recorded.SerializedTypes);
    }

    [Fact]
    public void ReadsAhead_ComeBackEqualFromTheDurableConverter_AndAnEventOrInputFromBeforeThemReadsAsNone()
    {
        var rider = Riders.FullyGranted();
        var ride = new RideRequested("the Space Needle", "space-needle");
        var reads = Conversation.ReadsAhead(ride, rider);
        var turn = new TurnEvent("request-1", ride, rider)
        {
            ReadAhead = [new ReadAheadResult(reads[0], new PlacesFound([Quotes.SpaceNeedlePlace])), new ReadAheadResult(reads[1], new NoActiveRide())],
        };
        var converter = JsonDataConverter.Default;

        var back = (TurnEvent)converter.Deserialize(converter.Serialize(turn), typeof(TurnEvent))!;
        var before = JsonNode.Parse(converter.Serialize(turn)!)!.AsObject();
        before.Remove(before.Select(property => property.Key).Single(key => key.Equals(nameof(TurnEvent.ReadAhead), StringComparison.OrdinalIgnoreCase)));
        var input = JsonNode.Parse(converter.Serialize(new SessionInput("s", ConversationSettings.Default, TimeSpan.FromMinutes(10)) { TakesReadsAhead = true })!)!.AsObject();
        input.Remove(input.Select(property => property.Key).Single(key => key.Equals(nameof(SessionInput.TakesReadsAhead), StringComparison.OrdinalIgnoreCase)));

        Assert.Equal(reads, back.ReadAhead.Select(read => read.Command));
        Assert.Equal(Conversation.ReadsAhead(back.Turn, back.Rider), back.ReadAhead.Select(read => read.Command));
        Assert.Empty(((TurnEvent)converter.Deserialize(before.ToJsonString(), typeof(TurnEvent))!).ReadAhead);
        Assert.False(((SessionInput)converter.Deserialize(input.ToJsonString(), typeof(SessionInput))!).TakesReadsAhead);
    }

    /// <summary>A skill on <paramref name="provider"/> whose rider Jane has booked a ride to the Space Needle.</summary>
    private static async Task<SkillHarness> WithABookedRideAsync(IRideProvider provider)
    {
        var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory, configure: services => services.AddSingleton(provider));
        var alexa = skill.NewSession(Jane);
        await alexa.OrderAsync("the Space Needle");
        await alexa.YesAsync();
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
        return skill;
    }

    /// <summary>
    /// Starts a session, as its orchestration's input says, with a fully granted rider's "a ride to the Space Needle"
    /// carrying <paramref name="read"/> as read ahead; the session's published answer to it, as JSON.
    /// </summary>
    private static async Task<string> AnswerAsync(SkillHarness skill, ReadAheadResult read, bool takesReads)
    {
        var durable = skill.Services.GetRequiredService<DurableTaskClient>();
        var turn = new TurnEvent("request-1", new RideRequested("the Space Needle", "space-needle"), Riders.FullyGranted()) { ReadAhead = [read] };
        var id = "read-ahead-" + Guid.NewGuid().ToString("N");
        await durable.ScheduleNewOrchestrationInstanceAsync(
            SessionOrchestration.Name,
            new SessionInput(id, ConversationSettings.Default, TimeSpan.FromMinutes(1)) { FirstTurn = turn, TakesReadsAhead = takesReads },
            new StartOrchestrationOptions(id));
        await PublishedReplies.WhenAnsweredAsync(durable, id, "request-1");
        return (await durable.GetInstanceAsync(id, getInputsAndOutputs: true))!.SerializedCustomStatus!;
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
