using System.Text.Json;
using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Workflow;

/// <summary>The late reply a finished session publishes is what the conversation would answer any rider turn with.</summary>
public sealed class SessionOutcomeTests
{
    private static readonly DateTimeOffset Now = SessionDriver.Noon;

    public static TheoryData<Turn> RiderTurns() =>
    [
        new Launch(), new Yes(), new No(), new Help(), new Stop(), new Dismiss(), new Fallback(), new UnmatchedResume(),
        new RideRequested("the Space Needle", null),
        new ConsentResolved("token", ConsentOutcome.Accepted),
        new PinResolved("token", PinVerification.Achieved, 400, true),
    ];

    [Theory]
    [MemberData(nameof(RiderTurns))]
    public void FinishedBooked_LateReplyIsWhatTheConversationSaysToAnyTurn(Turn turn) =>
        AssertLateReplyAnswers(Booked(), turn);

    [Theory]
    [MemberData(nameof(RiderTurns))]
    public void FinishedEnded_LateReplyIsWhatTheConversationSaysToAnyTurn(Turn turn) =>
        AssertLateReplyAnswers(SessionState.Start("s") with { Step = SessionStep.Ended }, turn);

    [Fact]
    public void FinishedBooked_LateReplyReSpeaksTheBooking()
    {
        var state = Booked();

        var outcome = SessionOutcome.Finished(state, owner: null);

        Assert.Contains(state.Booking!.Dispatch.DriverName, JsonSerializer.Serialize(outcome.LateReply), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnfinishedSession_HasNoLateReply() =>
        Assert.Throws<ArgumentException>(() => Conversation.AfterTheEnd(SessionState.Start("s") with { Step = SessionStep.AwaitingPin }));

    private static void AssertLateReplyAnswers(SessionState finished, Turn turn)
    {
        var decision = new Conversation(new ConversationSettings()).Decide(finished, turn, new TurnContext(Now, "nonce", RiderFacts.None));

        Assert.Empty(decision.Commands);
        Assert.Equal(finished, decision.State);
        // Replies hold lists, so they are compared as they are stored: serialized.
        Assert.Equal(JsonSerializer.Serialize(decision.Reply), JsonSerializer.Serialize(SessionOutcome.Finished(finished, owner: null).LateReply));
    }

    private static SessionState Booked()
    {
        var command = new BookRide("bk-1", Quotes.SpaceNeedle(Now), new Passenger(Riders.RiderId, null, "Alex", "+1"));
        return SessionState.Start("s") with { Step = SessionStep.Booked, Booking = Quotes.BookingFor(command, Now) };
    }
}
