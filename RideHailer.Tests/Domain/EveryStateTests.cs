using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Replies;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>Help, Stop, Cancel, Fallback, SessionEnded and stray resumes in every state.</summary>
public sealed class EveryStateTests
{
    public static TheoryData<SessionStep> Steps => Sessions.EverySteps();

    public static TheoryData<SessionStep, string, string?> HelpBySteps => new()
    {
        {
            SessionStep.New,
            "Ride Hailer books a ride for you. Tell me where you want to go, like the Space Needle or the airport. "
            + "You can also ask how much a ride to the airport is, ask for an XL, ask where your ride is, or say cancel my ride. Where would you like to go?",
            "Where would you like to go?"
        },
        {
            SessionStep.AwaitingDestination,
            "Ride Hailer books a ride for you. Tell me where you want to go, like the Space Needle or the airport. "
            + "You can also ask how much a ride to the airport is, ask for an XL, ask where your ride is, or say cancel my ride. Where would you like to go?",
            "Where would you like to go?"
        },
        {
            SessionStep.AwaitingPlaceChoice,
            "I found more than one place by that name. Say the first one or the second one, or the town it's in. Which one: 400 Broad Street in Seattle, or 400 Broad Street in Everett?",
            "Which one: 400 Broad Street in Seattle, or 400 Broad Street in Everett?"
        },
        { SessionStep.CheckingActiveRide, "I'm still looking up your rides. Please try again in a moment.", null },
        {
            SessionStep.AwaitingSecondRideAnswer,
            "You already have a ride to the Space Needle on its way. Say yes to book another ride as well, or no to keep just that one. "
            + "You can also ask where your ride is, or say cancel my ride. Do you want another ride to the Space Needle?",
            "Do you want another ride to the Space Needle?"
        },
        {
            SessionStep.AwaitingConsent,
            "To find you a ride, Ride Hailer needs your name, current location, and mobile number. Do you want to continue?",
            "Do you want to continue?"
        },
        { SessionStep.Quoting, "I'm still getting a price for your ride. Please try again in a moment.", null },
        {
            SessionStep.AwaitingQuoteAnswer,
            "I found a ride to the Space Needle for fifteen dollars. Say yes to book it, or no to cancel. Do you want me to book the ride to the Space Needle?",
            "Do you want me to book the ride to the Space Needle?"
        },
        {
            SessionStep.AwaitingPin,
            "Before I book your ride, Alexa needs to confirm your profile PIN. Do you want to continue?",
            "Do you want to continue?"
        },
        {
            SessionStep.AwaitingPinRetryAnswer,
            "Your profile PIN didn't match, so I haven't booked the ride. Say yes to try again, or no to stop. Do you want to try again?",
            "Do you want to try again?"
        },
        { SessionStep.Booking, "I'm still booking your ride. Please try again in a moment.", null },
        { SessionStep.Booked, "Your ride to the Space Needle is booked. Your driver will arrive in eight minutes.", null },
        { SessionStep.Ended, "This conversation has ended. To book a ride, say: Alexa, open Ride Hailer.", null },
        { SessionStep.CheckingRideStatus, "I'm still looking up your rides. Please try again in a moment.", null },
        { SessionStep.FindingRideToCancel, "I'm still looking up your rides. Please try again in a moment.", null },
        { SessionStep.PricingCancellation, "I'm still looking up your rides. Please try again in a moment.", null },
        {
            SessionStep.AwaitingCancelAnswer,
            "Say yes to cancel your ride, or no to keep it. Cancel your ride to the Space Needle with Sam?",
            "Cancel your ride to the Space Needle with Sam?"
        },
        { SessionStep.CancellingRide, "I'm still looking up your rides. Please try again in a moment.", null },
    };

    public static TheoryData<SessionStep, string> StopBySteps => new()
    {
        { SessionStep.New, "Goodbye." },
        { SessionStep.AwaitingDestination, "Goodbye." },
        { SessionStep.AwaitingPlaceChoice, "Ok, I didn't book a ride. Goodbye." },
        { SessionStep.CheckingActiveRide, "Ok, I didn't book a ride. Goodbye." },
        { SessionStep.AwaitingSecondRideAnswer, "Ok, I didn't book another ride. Goodbye." },
        { SessionStep.AwaitingConsent, "Ok, I didn't book a ride. Goodbye." },
        { SessionStep.Quoting, "Ok, I didn't book a ride. Goodbye." },
        { SessionStep.AwaitingQuoteAnswer, "Ok, I didn't book a ride. Goodbye." },
        { SessionStep.AwaitingPin, "Ok, I didn't book a ride. Goodbye." },
        { SessionStep.AwaitingPinRetryAnswer, "Ok, I didn't book a ride. Goodbye." },
        { SessionStep.Booking, "Your ride is already being booked. Goodbye." },
        { SessionStep.Booked, "Your ride to the Space Needle is booked. Your driver will arrive in eight minutes." },
        { SessionStep.Ended, "This conversation has ended. To book a ride, say: Alexa, open Ride Hailer." },
        { SessionStep.CheckingRideStatus, "Goodbye." },
        { SessionStep.FindingRideToCancel, "Goodbye." },
        { SessionStep.PricingCancellation, "Goodbye." },
        { SessionStep.AwaitingCancelAnswer, "Ok, I won't cancel it. Your ride is still booked." },
        { SessionStep.CancellingRide, "Goodbye." },
    };

    [Fact]
    public void HelpAndStopRows_CoverEveryStep()
    {
        Assert.Equal(Sessions.AllSteps, HelpBySteps.Select(row => (SessionStep)row[0]));
        Assert.Equal(Sessions.AllSteps, StopBySteps.Select(row => (SessionStep)row[0]));
    }

    [Theory]
    [MemberData(nameof(HelpBySteps))]
    public void Help_InEveryState_ExplainsThatStepAndCommandsNothing(SessionStep step, string speech, string? reprompt)
    {
        var session = Sessions.At(step);

        var decision = session.Send(new Help());

        Assert.Equal(speech, decision.Reply!.Speech.ToPlainText());
        Assert.Equal(reprompt, decision.Reply.Reprompt?.ToPlainText());
        Assert.Equal(reprompt is null ? SessionBehavior.End : SessionBehavior.KeepOpen, decision.Reply.Session);
        Assert.Empty(decision.Commands);
        Assert.Equal(step == SessionStep.New ? SessionStep.AwaitingDestination : step, decision.State.Step);
    }

    [Theory]
    [MemberData(nameof(StopBySteps))]
    public void Stop_InEveryState_EndsTheSessionWithStepAppropriateWords(SessionStep step, string speech)
    {
        var session = Sessions.At(step);

        var decision = session.Send(new Stop());

        Assert.Equal(speech, decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        Assert.Empty(decision.Commands);
        Assert.True(decision.State.IsFinished);
        Assert.Null(decision.State.PendingConnection);
    }

    [Theory]
    [MemberData(nameof(StopBySteps))]
    public void Cancel_InEveryState_BehavesLikeStop(SessionStep step, string speech)
    {
        var decision = Sessions.At(step).Send(new Dismiss());

        Assert.Equal(speech, decision.Reply!.Speech.ToPlainText());
        Assert.True(decision.State.IsFinished);
        Assert.Empty(decision.Commands);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void SessionEnded_InEveryState_FinishesSilently(SessionStep step)
    {
        var decision = Sessions.At(step).Send(new SessionEnded("USER_INITIATED"));

        Assert.Null(decision.Reply);
        Assert.Empty(decision.Commands);
        Assert.True(decision.State.IsFinished);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Fallback_InEveryState_RepliesWithoutCommandsOrConnections(SessionStep step)
    {
        var session = Sessions.At(step);

        var decision = session.Send(new Fallback());

        Assert.NotNull(decision.Reply);
        Assert.Null(decision.Reply.Connection);
        Assert.Empty(decision.Commands);
        if (step is SessionStep.New or SessionStep.AwaitingDestination)
        {
            Assert.Equal(1, decision.State.DestinationMisses);
        }
        else
        {
            Assert.Equal(step, decision.State.Step);
        }
    }

    [Fact]
    public void Fallback_WhileQuoteIsOffered_SaysNotUnderstoodAndReasks()
    {
        var decision = Sessions.At(SessionStep.AwaitingQuoteAnswer).Send(new Fallback());

        Assert.Equal("Sorry, I didn't get that. Do you want me to book the ride to the Space Needle?", decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void UnmatchedResume_InEveryState_RepliesGracefullyAndLeavesStateUnchanged(SessionStep step)
    {
        var session = Sessions.At(step);
        var before = session.State;

        var decision = session.Send(new UnmatchedResume());

        Assert.Same(before, decision.State);
        Assert.NotNull(decision.Reply);
        Assert.Empty(decision.Commands);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void ResumesWithForeignTokens_InEveryState_LeaveStateUnchanged(SessionStep step)
    {
        var session = Sessions.At(step);
        var before = session.State;

        var consent = session.Send(new ConsentResolved("consent.forged", ConsentOutcome.Accepted));
        var pin = session.Send(new PinResolved("pin.forged", PinVerification.Achieved, 400, true));

        Assert.Same(before, consent.State);
        Assert.Same(before, pin.State);
        Assert.Empty(consent.Commands);
        Assert.Empty(pin.Commands);
        Assert.NotNull(consent.Reply);
        Assert.NotNull(pin.Reply);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void CommandResultsNobodyWaitsFor_InEveryStateButTheirOwn_LeaveStateUnchanged(SessionStep step)
    {
        var session = Sessions.At(step);
        var before = session.State;
        var strayBooking = Quotes.BookingFor(
            new BookRide("bk-stray", Quotes.SpaceNeedle(session.Now), new("r", null, null, null)), session.Now);

        var results = new List<Decision> { session.Send(new BookingDone(strayBooking)) };
        if (step != SessionStep.Quoting)
        {
            results.Add(session.Send(new QuoteReady(Quotes.SpaceNeedle(session.Now, "q-stray"))));
            results.Add(session.Send(new QuoteFailed("late")));
        }

        if (step != SessionStep.Booking)
        {
            results.Add(session.Send(new BookingFailed("late")));
        }

        if (step != SessionStep.CheckingActiveRide)
        {
            results.Add(session.Send(new ActiveRideFound(Quotes.EarlierRide(session.Now))));
            results.Add(session.Send(new NoActiveRide()));
            results.Add(session.Send(new ActiveRideLookupFailed("late")));
        }

        Assert.All(results, decision =>
        {
            Assert.Same(before, decision.State);
            Assert.Empty(decision.Commands);
        });
    }

    [Theory]
    [InlineData(SessionStep.Booked)]
    [InlineData(SessionStep.Ended)]
    public void EveryUserTurn_InFinishedStates_CommandsNothing(SessionStep step)
    {
        var session = Sessions.At(step);
        var before = session.State;
        Turn[] turns = [new Launch(), new RideRequested("the space needle", null), new Yes(), new No(), new Help(), new Fallback()];

        foreach (var turn in turns)
        {
            var decision = session.Send(turn);
            Assert.Same(before, decision.State);
            Assert.Empty(decision.Commands);
            Assert.Equal(SessionBehavior.End, decision.Reply!.Session);
        }
    }

    [Theory]
    [InlineData(SessionStep.AwaitingQuoteAnswer)]
    [InlineData(SessionStep.AwaitingPin)]
    [InlineData(SessionStep.AwaitingConsent)]
    public void No_WhileARideIsInProgress_EndsWithoutBooking(SessionStep step)
    {
        var decision = Sessions.At(step).Send(new No());

        Assert.Equal("Ok, I won't book a ride. Thank you for using Ride Hailer.", decision.Reply!.Speech.ToPlainText());
        Assert.True(decision.State.IsFinished);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void Yes_WhileAwaitingPinAfterInterruption_OffersThePinConnectionAgainWithItsToken()
    {
        var session = Sessions.At(SessionStep.AwaitingPin);
        var first = session.PendingToken;

        var decision = session.Send(new Yes());

        // One live token a step: whichever of the two connections completes is the step's answer.
        Assert.Equal(first, Assert.IsType<PinConnectionRequest>(decision.Reply!.Connection).Token);
        Assert.Equal(first, session.PendingToken);
    }

    [Theory]
    [InlineData(SessionStep.AwaitingDestination)]
    [InlineData(SessionStep.AwaitingQuoteAnswer)]
    public void Launch_MidSession_ReasksTheCurrentQuestion(SessionStep step)
    {
        var decision = Sessions.At(step).Send(new Launch());

        Assert.StartsWith("Welcome to Ride Hailer.", decision.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(step, decision.State.Step);
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
    }
}
