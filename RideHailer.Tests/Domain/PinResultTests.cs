using RideHailer.Domain;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>The PIN result table in DESIGN.md, row by row, under both policies.</summary>
public sealed class PinResultTests
{
    private const string ConnectionFailed = "Sorry, something went wrong while verifying your identity.";
    private const string NotVerified = "Sorry, verification failed. Your ride was not booked.";

    private const string NotEnabled = "Ride Hailer needs to confirm your profile PIN before it books a ride, and PIN confirmation is not "
        + "turned on. Please turn on PIN confirmation for Ride Hailer in the Alexa app, and then open Ride Hailer again. Your ride was not booked.";

    private const string LockedOut = "Sorry, your profile PIN is locked after too many attempts, so your ride was not booked. "
        + "Please reset your profile PIN in the Alexa app.";

    private const string NotSetUp =
        "To book a ride, please set up a profile PIN in the Alexa app, and then open Ride Hailer again. Your ride was not booked.";

    // What each of Alexa's codes, statuses and reasons becomes is TurnReaderTests' table; these are the Domain's rows.
    public static TheoryData<PinPolicy, PinVerification, int?, bool> BookingRows => new()
    {
        { PinPolicy.Mandatory, PinVerification.Achieved, 400, true },
        { PinPolicy.Optional, PinVerification.Achieved, 400, true },
        { PinPolicy.Mandatory, PinVerification.Achieved, 500, true },
        { PinPolicy.Optional, PinVerification.NotEnabled, null, false },
        { PinPolicy.Optional, PinVerification.NotEnabled, 300, true },
    };

    public static TheoryData<PinPolicy, PinVerification, int?, bool, string> EndingRows => new()
    {
        { PinPolicy.Mandatory, PinVerification.Achieved, 300, true, NotVerified },
        { PinPolicy.Mandatory, PinVerification.Achieved, 399, true, NotVerified },
        { PinPolicy.Mandatory, PinVerification.Achieved, 400, false, NotVerified },
        { PinPolicy.Optional, PinVerification.Achieved, null, true, NotVerified },
        { PinPolicy.Mandatory, PinVerification.NotEnabled, null, false, NotEnabled },
        { PinPolicy.Mandatory, PinVerification.LockedOut, 300, true, LockedOut },
        { PinPolicy.Optional, PinVerification.LockedOut, 300, true, LockedOut },
        { PinPolicy.Mandatory, PinVerification.NotSetUp, null, true, NotSetUp },
        { PinPolicy.Mandatory, PinVerification.NotAchieved, 300, true, NotVerified },
        { PinPolicy.Mandatory, PinVerification.NotAchieved, 400, true, NotVerified },
        { PinPolicy.Optional, PinVerification.NotAchieved, 400, true, NotVerified },
        { PinPolicy.Mandatory, PinVerification.ConnectionFailed, 400, true, ConnectionFailed },
        { PinPolicy.Mandatory, PinVerification.ConnectionFailed, null, false, ConnectionFailed },
        { PinPolicy.Optional, PinVerification.ConnectionFailed, null, false, ConnectionFailed },
    };

    private static SessionDriver AwaitingPin(PinPolicy policy = PinPolicy.Mandatory)
    {
        var session = new SessionDriver(ConversationSettings.Default with { PinPolicy = policy });
        session.StartPin();
        Assert.Equal(SessionStep.AwaitingPin, session.State.Step);
        return session;
    }

    [Theory]
    [MemberData(nameof(BookingRows))]
    public void PinResult_Verified_CommandsBookingOfTheOfferedQuoteWithoutReply(
        PinPolicy policy, PinVerification verification, int? level, bool person)
    {
        var session = AwaitingPin(policy);

        var decision = session.ResumePin(verification, level, person);

        Assert.Null(decision.Reply);
        var book = Assert.IsType<BookRide>(Assert.Single(decision.Commands));
        Assert.Equal("q-seed", book.Quote.Id);
        Assert.Equal(BookRide.IdempotencyKeyFor(session.State.SessionKey, "q-seed"), book.IdempotencyKey);
        Assert.Equal(new Passenger(Riders.RiderId, null, Riders.GivenName, Riders.MobileNumber), book.Passenger);
        Assert.Equal(SessionStep.Booking, decision.State.Step);
    }

    [Theory]
    [MemberData(nameof(EndingRows))]
    public void PinResult_NotVerified_SpeaksRowEndsAndNeverBooks(
        PinPolicy policy, PinVerification verification, int? level, bool person, string speech)
    {
        var session = AwaitingPin(policy);

        var decision = session.ResumePin(verification, level, person);

        Assert.Equal(speech, decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        Assert.Empty(decision.Commands);
        Assert.Null(decision.State.BookingKey);
        Assert.True(decision.State.IsFinished);
    }

    [Fact]
    public void MethodLockout_OffersNoRetry_YesAfterwardsBooksNothing()
    {
        var session = AwaitingPin();
        session.ResumePin(PinVerification.LockedOut, 300);

        var yes = session.Send(new Yes());

        Assert.Null(yes.Reply!.Connection);
        Assert.Empty(session.CommandsIssued.OfType<BookRide>());
    }

    [Fact]
    public void NotMatch_OffersExactlyOneRetry()
    {
        var session = AwaitingPin();

        var decision = session.ResumePin(PinVerification.NoMatch, 300);

        Assert.Equal("Sorry, that PIN didn't match. Do you want to try again?", decision.Reply!.Speech.ToPlainText());
        Assert.Equal("Do you want to try again?", decision.Reply.Reprompt!.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
        Assert.Empty(decision.Commands);
        Assert.Equal(SessionStep.AwaitingPinRetryAnswer, decision.State.Step);
    }

    [Fact]
    public void NotMatchThenYes_StartsNewPinConnectionWithNewToken()
    {
        var session = AwaitingPin();
        var firstToken = session.PendingToken;
        session.ResumePin(PinVerification.NoMatch, 300);

        var retry = session.Send(new Yes());

        var connection = Assert.IsType<PinConnectionRequest>(retry.Reply!.Connection);
        Assert.NotEqual(firstToken, connection.Token);
        Assert.Equal(SessionBehavior.AwaitConnection, retry.Reply.Session);
        Assert.Equal(connection.Token, session.PendingToken);
    }

    [Fact]
    public void NotMatchThenRetryAchieved_Books()
    {
        var session = AwaitingPin();
        session.ResumePin(PinVerification.NoMatch, 300);
        session.Send(new Yes());

        var decision = session.ResumePin(PinVerification.Achieved, level: 400);

        Assert.IsType<BookRide>(Assert.Single(decision.Commands));
    }

    [Fact]
    public void SecondNotMatch_EndsWithoutBookingOrAnotherRetry()
    {
        var session = AwaitingPin();
        session.ResumePin(PinVerification.NoMatch, 300);
        session.Send(new Yes());

        var decision = session.ResumePin(PinVerification.NoMatch, 300);

        Assert.Equal(
            "Sorry, that PIN didn't match either, so your ride was not booked. Thank you for using Ride Hailer.",
            decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        Assert.True(decision.State.IsFinished);
        Assert.Empty(session.CommandsIssued.OfType<BookRide>());
    }

    [Fact]
    public void NotMatchThenNo_EndsWithoutBooking()
    {
        var session = AwaitingPin();
        session.ResumePin(PinVerification.NoMatch, 300);

        var decision = session.Send(new No());

        Assert.Equal("Ok, I didn't book a ride. Goodbye.", decision.Reply!.Speech.ToPlainText());
        Assert.True(decision.State.IsFinished);
        Assert.Empty(session.CommandsIssued.OfType<BookRide>());
    }

    [Fact]
    public void OldPinToken_AfterRetryStarted_LeavesStateUnchanged()
    {
        var session = AwaitingPin();
        var firstToken = session.PendingToken;
        session.ResumePin(PinVerification.NoMatch, 300);
        session.Send(new Yes());
        var before = session.State;

        var stale = session.Send(new PinResolved(firstToken, PinVerification.Achieved, 400, true));

        Assert.Same(before, stale.State);
        Assert.Empty(stale.Commands);
    }

    [Fact]
    public void MaxPinAttemptsSetting_OfOne_MeansNoRetryAfterNotMatch()
    {
        var session = new SessionDriver(ConversationSettings.Default with { MaxPinAttempts = 1 });
        session.StartPin();

        var decision = session.ResumePin(PinVerification.NoMatch, 300);

        Assert.True(decision.State.IsFinished);
        Assert.Null(decision.Reply!.Connection);
    }

    [Fact]
    public void PinResume_WithWrongToken_RepliesGracefullyAndLeavesStateUnchanged()
    {
        var session = AwaitingPin();
        var before = session.State;

        var decision = session.Send(new PinResolved("pin.forged", PinVerification.Achieved, 400, true));

        Assert.Same(before, decision.State);
        Assert.Empty(decision.Commands);
        Assert.Equal("Sorry, I wasn't expecting that. Do you want to continue?", decision.Reply!.Speech.ToPlainText());
    }

    [Fact]
    public void PinResume_CarryingTheConsentFormOfTheToken_IsRejected()
    {
        var session = AwaitingPin();
        var before = session.State;
        var consentForm = new ConnectionToken(ConnectionKind.Consent, before.PendingConnection!.Nonce).Format();

        var decision = session.Send(new PinResolved(consentForm, PinVerification.Achieved, 400, true));

        Assert.Same(before, decision.State);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void PinResume_BeforeAnyPinWasAsked_LeavesStateUnchanged()
    {
        var session = new SessionDriver();
        session.OfferQuote();
        var before = session.State;

        var decision = session.Send(new PinResolved("pin.nonce-1", PinVerification.Achieved, 400, true));

        Assert.Same(before, decision.State);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void PinConnection_CarriesConfiguredConfidenceLevel()
    {
        var session = new SessionDriver(ConversationSettings.Default with { RequiredConfidenceLevel = 400 });

        var connection = Assert.IsType<PinConnectionRequest>(session.StartPin().Reply!.Connection);

        Assert.Equal(400, connection.ConfidenceLevel);
        Assert.Equal(new ConnectionToken(ConnectionKind.Pin, "nonce-3"), ConnectionToken.TryParse(connection.Token, out var t) ? t : null);
    }
}
