using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>Finding the destination is a step of its own: the Domain asks, the place search answers as a turn.</summary>
public sealed class PlaceSearchTests
{
    private static readonly Conversation Conversation = new(ConversationSettings.Default);

    [Fact]
    public void RideRequest_AsksForThePlaceNearThePickupAndWaitsWithoutAReply()
    {
        var state = SessionState.Start("s") with { Step = SessionStep.AwaitingDestination };

        var decision = Conversation.Decide(state, new RideRequested("the Space Needle", "space-needle"), Context());

        Assert.Null(decision.Reply);
        var find = Assert.IsType<FindPlace>(Assert.Single(decision.Commands));
        Assert.Equal(new PlaceQuery("the Space Needle", "space-needle", Riders.Downtown), find.Query);
        Assert.Equal(SessionStep.AwaitingDestination, decision.State.Step);
        Assert.Equal(find, decision.State.PlaceSearch);
    }

    [Fact]
    public void RideRequestWithNothingSaid_AsksAgainWithoutSearching()
    {
        var decision = Conversation.Decide(SessionState.Start("s"), new RideRequested(null, null), Context());

        Assert.Empty(decision.Commands);
        Assert.Equal("Sorry, I didn't catch where you want to go. Where would you like to go?", decision.Reply!.Speech.ToPlainText());
    }

    [Theory]
    [MemberData(nameof(Misses))]
    public void NothingFoundOrSearchFailed_SaysWhichAndAsksAgain(Turn miss, string speech)
    {
        var searching = Conversation.Decide(SessionState.Start("s"), new RideRequested("the moon", null), Context()).State;

        var decision = Conversation.Decide(searching, miss, Context());

        Assert.Equal(speech, decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
        Assert.Equal(1, decision.State.DestinationMisses);
        Assert.Null(decision.State.PlaceSearch);
    }

    [Fact]
    public void PlaceFound_GoesOnToTheRidesOnTheirWayWithThePlace()
    {
        var searching = Conversation.Decide(SessionState.Start("s"), new RideRequested("the needle", null), Context()).State;

        var decision = Conversation.Decide(searching, new PlaceFound(Quotes.SpaceNeedlePlace), Context());

        Assert.Equal(new FindActiveRide(Riders.RiderId), Assert.Single(decision.Commands));
        Assert.Equal(Quotes.SpaceNeedlePlace, decision.State.Destination);
        Assert.Null(decision.State.PlaceSearch);
    }

    [Theory]
    [MemberData(nameof(Results))]
    public void ASearchResultNobodyWaitsFor_ChangesNothing(Turn result)
    {
        var state = SessionState.Start("s") with { Step = SessionStep.AwaitingDestination };

        var decision = Conversation.Decide(state, result, Context());

        Assert.Equal(state, decision.State);
        Assert.Empty(decision.Commands);
        Assert.StartsWith("Sorry, I wasn't expecting that.", decision.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "Sorry, I still couldn't find that place.")]
    [InlineData(true, "Sorry, I can't look up places right now, so I can't book a ride. Please try again later.")]
    public void ThirdMissedSearch_EndsWithHelpForWhatFailed(bool searchFailed, string opening)
    {
        var state = SessionState.Start("s");
        Decision decision = null!;
        for (var miss = 0; miss < ConversationSettings.Default.MaxDestinationMisses; miss++)
        {
            var searching = Conversation.Decide(state, new RideRequested("the moon", null), Context()).State;
            decision = Conversation.Decide(searching, searchFailed ? new PlaceSearchFailed("timeout") : new PlaceNotFound(), Context());
            state = decision.State;
        }

        Assert.StartsWith(opening, decision.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
    }

    public static TheoryData<Turn, string> Misses() => new()
    {
        { new PlaceNotFound(), "I couldn't find the moon. Where would you like to go?" },
        { new PlacesFound([]), "I couldn't find the moon. Where would you like to go?" },
        { new PlaceSearchFailed("timeout"), "I can't look up places right now. Where would you like to go?" },
    };

    public static TheoryData<Turn> Results() => [new PlaceFound(Quotes.SpaceNeedlePlace), new PlaceNotFound(), new PlaceSearchFailed("timeout")];

    private static TurnContext Context() => new(SessionDriver.Noon, "n", Riders.FullyGranted());
}
