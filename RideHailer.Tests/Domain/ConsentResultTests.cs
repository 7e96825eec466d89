using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Replies;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>The consent result table in DESIGN.md, row by row.</summary>
public sealed class ConsentResultTests
{
    private const string NeedsAccess = "To order you a car, Ride Hailer needs access to that information. Please go to the Alexa app to give "
        + "Ride Hailer permission, and then open Ride Hailer again. Thank you for using Ride Hailer.";

    private const string Redirected =
        "Please finish giving Ride Hailer permission in the Alexa app, and then open Ride Hailer again. Thank you for using Ride Hailer.";

    private const string Failed = "Sorry, something went wrong while asking for your permission. Please go to the Alexa app to give "
        + "Ride Hailer permission, and then open Ride Hailer again.";

    /// <summary>What each of Alexa's codes and statuses becomes is TurnReaderTests' table; these are the Domain's rows.</summary>
    public static TheoryData<ConsentOutcome, string> EndingRows => new()
    {
        { ConsentOutcome.Denied, "Ok. " + NeedsAccess },
        { ConsentOutcome.NotAnswered, NeedsAccess },
        { ConsentOutcome.RedirectToApp, Redirected },
        { ConsentOutcome.Failed, Failed },
    };

    private static SessionDriver AwaitingConsent()
    {
        var session = new SessionDriver(rider: Riders.LinkedWithoutConsent());
        session.Send(new RideRequested("the space needle", null));
        Assert.Equal(SessionStep.AwaitingConsent, session.State.Step);
        return session;
    }

    [Theory]
    [MemberData(nameof(EndingRows))]
    public void ConsentResult_OtherThanAccepted_SpeaksRowSendsPermissionsCardForAskedScopesAndEnds(ConsentOutcome outcome, string speech)
    {
        var session = AwaitingConsent();
        session.Rider = Riders.FullyGranted();

        var decision = session.ResumeConsent(outcome);

        Assert.Equal(speech, decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        Assert.Equal(Riders.AllScopes, Assert.IsType<PermissionsCard>(decision.Reply.Card).Scopes);
        Assert.Empty(decision.Commands);
        Assert.Equal(SessionStep.Ended, decision.State.Step);
        Assert.Null(decision.State.PendingConnection);
    }

    [Fact]
    public void Accepted_WithFactsLoaded_CommandsQuoteAndOpensOfferWithThankYou()
    {
        var session = AwaitingConsent();
        session.Rider = Riders.FullyGranted();

        var accepted = session.ResumeConsent(ConsentOutcome.Accepted);

        Assert.Null(accepted.Reply);
        Assert.IsType<QuoteRide>(Assert.Single(accepted.Commands));
        var offer = session.Send(new QuoteReady(Quotes.SpaceNeedle(session.Now)));
        Assert.StartsWith("Thank you. A ride to the Space Needle", offer.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Accepted_ButProfileApiRefusesAScope_TreatsItAsNotGrantedWithCardAndEnds()
    {
        var session = AwaitingConsent();
        session.Rider = Riders.FullyGranted() with { RefusedScopes = [RiderScope.MobileNumber], MobileNumber = null };

        var decision = session.ResumeConsent(ConsentOutcome.Accepted);

        Assert.Empty(decision.Commands);
        Assert.Equal([RiderScope.MobileNumber], Assert.IsType<PermissionsCard>(decision.Reply!.Card).Scopes);
        Assert.Equal(
            "Thank you. Ride Hailer still can't read your mobile number, so I can't find a ride for you. Please go to the Alexa app "
            + "to give Ride Hailer permission, and then open Ride Hailer again.",
            decision.Reply.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        Assert.True(decision.State.IsFinished);
    }

    [Fact]
    public void Accepted_ButScopesStillNotGranted_SendsCardForThemAndEnds()
    {
        var session = AwaitingConsent();

        var decision = session.ResumeConsent(ConsentOutcome.Accepted);

        Assert.Empty(decision.Commands);
        Assert.Equal(Riders.AllScopes, Assert.IsType<PermissionsCard>(decision.Reply!.Card).Scopes);
        Assert.True(decision.State.IsFinished);
    }

    [Fact]
    public void Accepted_ButNoLocationReported_SendsCardForLocationAndEnds()
    {
        var session = AwaitingConsent();
        session.Rider = Riders.FullyGranted() with { Pickup = null, GrantedScopes = [RiderScope.GivenName, RiderScope.MobileNumber] };

        var decision = session.ResumeConsent(ConsentOutcome.Accepted);

        Assert.Empty(decision.Commands);
        Assert.Equal([RiderScope.Geolocation], Assert.IsType<PermissionsCard>(decision.Reply!.Card).Scopes);
    }

    [Fact]
    public void ConsentResume_WithWrongToken_RepliesGracefullyAndLeavesStateUnchanged()
    {
        var session = AwaitingConsent();
        var before = session.State;

        var decision = session.Send(new ConsentResolved("consent.someone-else", ConsentOutcome.Accepted));

        Assert.Same(before, decision.State);
        Assert.Empty(decision.Commands);
        Assert.Equal("Sorry, I wasn't expecting that. Do you want to continue?", decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
    }

    [Fact]
    public void ConsentResume_CarryingThePinFormOfTheToken_IsRejected()
    {
        var session = AwaitingConsent();
        var before = session.State;
        var pinForm = new ConnectionToken(ConnectionKind.Pin, before.PendingConnection!.Nonce).Format();

        var decision = session.Send(new ConsentResolved(pinForm, ConsentOutcome.Accepted));

        Assert.Same(before, decision.State);
    }

    [Fact]
    public void ConsentResume_WhenNothingIsPending_LeavesStateUnchanged()
    {
        var session = new SessionDriver(rider: Riders.LinkedWithoutConsent());
        session.Send(new Launch());
        var before = session.State;

        var decision = session.Send(new ConsentResolved("consent.nonce-1", ConsentOutcome.Accepted));

        Assert.Same(before, decision.State);
        Assert.Equal("Sorry, I wasn't expecting that. Where would you like to go?", decision.Reply!.Speech.ToPlainText());
    }

    [Fact]
    public void ConsentResume_ReplayedAfterItWasHandled_ChangesNothing()
    {
        var session = AwaitingConsent();
        var token = session.PendingToken;
        session.ResumeConsent(ConsentOutcome.Denied);
        var before = session.State;

        var replay = session.Send(new ConsentResolved(token, ConsentOutcome.Accepted));

        Assert.Same(before, replay.State);
        Assert.Empty(replay.Commands);
    }

    [Fact]
    public void YesAfterInterruptedConsent_AsksAgainWithTheSameToken()
    {
        var session = AwaitingConsent();
        var first = session.PendingToken;

        var again = session.Send(new Yes());

        var connection = Assert.IsType<ConsentConnectionRequest>(again.Reply!.Connection);
        Assert.Equal(first, connection.Token);
        Assert.Equal(first, session.PendingToken);
    }
}
