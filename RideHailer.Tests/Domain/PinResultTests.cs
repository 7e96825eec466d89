using RideHailer.Domain;
using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Domain;

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

    public static TheoryData<PinPolicy, string, string?, string?, int?, bool> BookingRows => new()
    {
        { PinPolicy.Mandatory, "200", "ACHIEVED", null, 400, true },
        { PinPolicy.Optional, "200", "ACHIEVED", null, 400, true },
        { PinPolicy.Mandatory, "200", "ACHIEVED", null, 500, true },
        { PinPolicy.Optional, "200", "NOT_ENABLED", null, null, false },
        { PinPolicy.Optional, "200", "NOT_ENABLED", null, 300, true },
    };

    public static TheoryData<PinPolicy, string, string?, string?, int?, bool, string> EndingRows => new()
    {
        { PinPolicy.Mandatory, "200", "ACHIEVED", null, 300, true, NotVerified },
        { PinPolicy.Mandatory, "200", "ACHIEVED", null, 399, true, NotVerified },
        { PinPolicy.Mandatory, "200", "ACHIEVED", null, 400, false, NotVerified },
        { PinPolicy.Optional, "200", "ACHIEVED", null, null, true, NotVerified },
        { PinPolicy.Mandatory, "200", "NOT_ENABLED", null, null, false, NotEnabled },
        { PinPolicy.Mandatory, "200", "NOT_ACHIEVED", "METHOD_LOCKOUT", 300, true, LockedOut },
        { PinPolicy.Optional, "200", "NOT_ACHIEVED", "METHOD_LOCKOUT", 300, true, LockedOut },
        { PinPolicy.Mandatory, "200", "NOT_ACHIEVED", "VERIFICATION_METHOD_NOT_SETUP", null, true, NotSetUp },
        { PinPolicy.Mandatory, "200", "NOT_ACHIEVED", "PREREQUISITE_NOT_SETUP_ERROR", 300, true, NotVerified },
        { PinPolicy.Mandatory, "200", "NOT_ACHIEVED", null, 300, true, NotVerified },
        { PinPolicy.Mandatory, "200", "SOMETHING_NEW", null, 400, true, NotVerified },
        { PinPolicy.Mandatory, "200", null, null, 400, true, NotVerified },
        { PinPolicy.Mandatory, "400", "ACHIEVED", null, 400, true, ConnectionFailed },
        { PinPolicy.Mandatory, "403", null, null, null, false, ConnectionFailed },
        { PinPolicy.Optional, "404", "NOT_ENABLED", null, null, false, ConnectionFailed },
        { PinPolicy.Mandatory, "500", null, null, null, false, ConnectionFailed },
        { PinPolicy.Mandatory, "", null, null, null, false, ConnectionFailed },
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
        PinPolicy policy, string code, string? status, string? reason, int? level, bool person)
    {
        var session = AwaitingPin(policy);

        var decision = session.ResumePin(code, status, reason, level, person);

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
        PinPolicy policy, string code, string? status, string? reason, int? level, bool person, string speech)
    {
        var session = AwaitingPin(policy);

        var decision = session.ResumePin(code, status, reason, level, person);

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
        session.ResumePin("200", "NOT_ACHIEVED", "METHOD_LOCKOUT", 300);

        var yes = session.Send(new Yes());

        Assert.Null(yes.Reply!.Connection);
        Assert.Empty(session.CommandsIssued.OfType<BookRide>());
    }

    [Fact]
    public void NotMatch_OffersExactlyOneRetry()
    {
        var session = AwaitingPin();

        var decision = session.ResumePin("200", "NOT_ACHIEVED", "NOT_MATCH", 300);

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
        session.ResumePin("200", "NOT_ACHIEVED", "NOT_MATCH", 300);

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
        session.ResumePin("200", "NOT_ACHIEVED", "NOT_MATCH", 300);
        session.Send(new Yes());

        var decision = session.ResumePin("200", "ACHIEVED", level: 400);

        Assert.IsType<BookRide>(Assert.Single(decision.Commands));
    }

    [Fact]
    public void SecondNotMatch_EndsWithoutBookingOrAnotherRetry()
    {
        var session = AwaitingPin();
        session.ResumePin("200", "NOT_ACHIEVED", "NOT_MATCH", 300);
        session.Send(new Yes());

        var decision = session.ResumePin("200", "NOT_ACHIEVED", "NOT_MATCH", 300);

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
        session.ResumePin("200", "NOT_ACHIEVED", "NOT_MATCH", 300);

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
        session.ResumePin("200", "NOT_ACHIEVED", "NOT_MATCH", 300);
        session.Send(new Yes());
        var before = session.State;

        var stale = session.Send(new PinResolved(firstToken, "200", "ACHIEVED", null, 400, true));

        Assert.Same(before, stale.State);
        Assert.Empty(stale.Commands);
    }

    [Fact]
    public void MaxPinAttemptsSetting_OfOne_MeansNoRetryAfterNotMatch()
    {
        var session = new SessionDriver(ConversationSettings.Default with { MaxPinAttempts = 1 });
        session.StartPin();

        var decision = session.ResumePin("200", "NOT_ACHIEVED", "NOT_MATCH", 300);

        Assert.True(decision.State.IsFinished);
        Assert.Null(decision.Reply!.Connection);
    }

    [Fact]
    public void PinResume_WithWrongToken_RepliesGracefullyAndLeavesStateUnchanged()
    {
        var session = AwaitingPin();
        var before = session.State;

        var decision = session.Send(new PinResolved("pin.forged", "200", "ACHIEVED", null, 400, true));

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

        var decision = session.Send(new PinResolved(consentForm, "200", "ACHIEVED", null, 400, true));

        Assert.Same(before, decision.State);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void PinResume_BeforeAnyPinWasAsked_LeavesStateUnchanged()
    {
        var session = new SessionDriver();
        session.OfferQuote();
        var before = session.State;

        var decision = session.Send(new PinResolved("pin.nonce-1", "200", "ACHIEVED", null, 400, true));

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
