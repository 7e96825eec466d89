using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Domain;

/// <summary>
/// The reads a turn commands, known before its session decides it: exactly the reads a new session then commands for
/// that turn, one after another, each answered as the activity would (a result the session does not use is wasted, a
/// read it commands that was not read ahead costs the engine a round trip).
/// </summary>
public sealed class ReadAheadTests
{
    private static readonly Conversation Conversation = new(ConversationSettings.Default);
    private static readonly RiderFacts Unlinked = Riders.FullyGranted() with { RiderId = null };
    private static readonly RiderFacts WithHome = Riders.FullyGranted() with { HomeAddress = "400 Broad St, Seattle, WA 98109" };

    public static TheoryData<string, Turn, RiderFacts, int> Turns() => new()
    {
        { "a ride, granted", new RideRequested("the Space Needle", "space-needle"), Riders.FullyGranted(), 2 },
        { "a ride, consent still to ask", new RideRequested("the Space Needle", null), Riders.LinkedWithoutConsent(), 2 },
        { "a ride, resolved only", new RideRequested(null, "space-needle"), Riders.FullyGranted(), 2 },
        { "a ride, no account linked", new RideRequested("the Space Needle", null), Unlinked, 1 },
        { "a ride, nowhere said", new RideRequested(null, null), Riders.FullyGranted(), 0 },
        { "home", new RideHomeRequested(), WithHome, 2 },
        { "home, no address read", new RideHomeRequested(), Riders.FullyGranted(), 0 },
        { "home, no account linked", new RideHomeRequested(), WithHome with { RiderId = null }, 0 },
        { "where is my ride", new RideStatusAsked(), Riders.FullyGranted(), 1 },
        { "cancel my ride", new CancelRideAsked(), Riders.FullyGranted(), 1 },
        { "where is my ride, no account linked", new RideStatusAsked(), Unlinked, 0 },
        { "launch", new Launch(), Riders.FullyGranted(), 0 },
        { "yes", new Yes(), Riders.FullyGranted(), 0 },
    };

    [Theory]
    [MemberData(nameof(Turns))]
    public void ReadsAhead_AreTheReadsANewSessionCommandsForTheTurn(string turnName, Turn turn, RiderFacts rider, int reads)
    {
        var ahead = Conversation.ReadsAhead(turn, rider);

        Assert.Equal(reads, ahead.Count);
        Assert.True(ReadsCommanded(turn, rider).SequenceEqual(ahead), turnName);
    }

    [Fact]
    public void APlaceChosen_ReadsTheRideOnItsWay_AsTheSessionThenCommands()
    {
        var rider = Riders.FullyGranted();
        var offering = SessionState.Start("s") with
        {
            Step = SessionStep.AwaitingPlaceChoice,
            PlaceChoices = [FoundPlaces.BroadStreetSeattle, FoundPlaces.BroadStreetEverett],
            PendingRider = rider,
        };

        var decision = Conversation.Decide(offering, new PlaceChosen(2, null), new TurnContext(SessionDriver.Noon, "n", rider));

        Assert.Equal(decision.Commands, Conversation.ReadsAhead(new PlaceChosen(2, null), rider));
        Assert.Equal(new FindActiveRide(Riders.RiderId), Assert.Single(decision.Commands));
        Assert.Empty(Conversation.ReadsAhead(new PlaceChosen(2, null), Unlinked));
    }

    [Fact]
    public void APlaceSearchReadAhead_IsNearThePickup_AsTheSessionsOwn()
    {
        var search = Assert.IsType<FindPlace>(Conversation.ReadsAhead(new RideRequested("the Space Needle", null), Riders.FullyGranted())[0]);

        Assert.Equal(new PlaceQuery("the Space Needle", null, Riders.Downtown), search.Query);
        Assert.False(search.Home);
    }

    /// <summary>The session's reads for <paramref name="turn"/> from its start, each answered as its activity would be.</summary>
    private static List<Command> ReadsCommanded(Turn turn, RiderFacts rider)
    {
        var commanded = new List<Command>();
        var context = new TurnContext(SessionDriver.Noon, "n", rider);
        var decision = Conversation.Decide(SessionState.Start("s"), turn, context);
        while (decision.Commands is [var command, ..] && Answer(command) is { } answer)
        {
            commanded.Add(command);
            decision = Conversation.Decide(decision.State, answer, context);
        }

        return commanded;
    }

    private static Turn? Answer(Command command) => command switch
    {
        FindPlace => new PlacesFound([Quotes.SpaceNeedlePlace]),
        FindActiveRide => new NoActiveRide(),
        FindLatestRide => new NoLatestRide(),
        _ => null,
    };
}
