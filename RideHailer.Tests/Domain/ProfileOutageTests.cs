using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>
/// A profile the API could not read (5xx, 429, a timeout) is an outage, not a refusal: the rider is not asked for
/// consent they may already have given, hears an apology, and the session stays at its step.
/// </summary>
public sealed class ProfileOutageTests
{
    /// <summary>A linked rider whose grants the map does not state and whose profile reads all failed.</summary>
    private static RiderFacts Unreachable(params RiderScope[] scopes) =>
        Riders.LinkedWithoutConsent() with { UnreachableScopes = scopes };

    [Fact]
    public void RideRequested_ProfileUnreachable_ApologisesAsksForTheDestinationAgainAndAsksNoConsent()
    {
        var session = new SessionDriver(rider: Unreachable(RiderScope.GivenName, RiderScope.MobileNumber, RiderScope.Address));
        session.Send(new Launch());

        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.Equal(
            Spoken.Line(Phrase.ProfileUnreachable) + " " + Spoken.Line(Phrase.WhereTo),
            decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
        Assert.Null(decision.Reply.Connection);
        Assert.Null(decision.Reply.Card);
        Assert.Empty(decision.Commands);
        Assert.Equal(SessionStep.AwaitingDestination, decision.State.Step);
        Assert.Null(decision.State.PendingConnection);
        Assert.Empty(session.Lookups);
    }

    [Fact]
    public void OneShot_OneScopeRefusedAnotherUnreachable_ApologisesInsteadOfAskingForConsentAndStaysNew()
    {
        var rider = Unreachable(RiderScope.MobileNumber) with
        {
            RefusedScopes = [RiderScope.GivenName],
            GrantedScopes = [RiderScope.Geolocation],
            Pickup = Pickup.AtGeolocation(Riders.Downtown),
        };
        var session = new SessionDriver(rider: rider);

        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.StartsWith(Spoken.Line(Phrase.ProfileUnreachable), decision.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Null(decision.Reply.Connection);
        Assert.Equal(SessionStep.New, decision.State.Step);
    }

    [Fact]
    public void RideRequested_OnlyAnUnneededReadUnreachable_QuotesAsUsual()
    {
        // The address could not be read, but the request's own coordinate is the pickup: nothing is missing.
        var session = new SessionDriver(rider: Riders.FullyGranted() with { UnreachableScopes = [RiderScope.Address] });

        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.IsType<QuoteRide>(Assert.Single(decision.Commands));
    }

    [Fact]
    public void RideRequested_AfterTheOutage_QuotesWithoutAskingForConsent()
    {
        var session = new SessionDriver(rider: Unreachable(RiderScope.GivenName, RiderScope.MobileNumber));
        session.Send(new RideRequested("the space needle", null));

        session.Rider = Riders.FullyGranted();
        var decision = session.Send(new RideRequested("the space needle", null));

        Assert.IsType<QuoteRide>(Assert.Single(decision.Commands));
        Assert.Equal(SessionStep.Quoting, decision.State.Step);
    }

    [Fact]
    public void ConsentAccepted_ProfileUnreachable_ApologisesKeepsAwaitingConsentAndSendsNoCard()
    {
        var session = new SessionDriver(rider: Riders.LinkedWithoutConsent());
        session.Send(new RideRequested("the space needle", null));
        Assert.Equal(SessionStep.AwaitingConsent, session.State.Step);
        session.Rider = Unreachable(RiderScope.GivenName, RiderScope.MobileNumber) with
        {
            GrantedScopes = [RiderScope.Geolocation],
            Pickup = Pickup.AtGeolocation(Riders.Downtown),
        };

        var decision = session.ResumeConsent(ConsentOutcome.Accepted);

        Assert.Equal(
            Spoken.Line(Phrase.ProfileUnreachable) + " " + Spoken.Line(Phrase.Continue),
            decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, decision.Reply.Session);
        Assert.Null(decision.Reply.Card);
        Assert.Empty(decision.Commands);
        Assert.Equal(SessionStep.AwaitingConsent, decision.State.Step);
        Assert.NotEmpty(decision.State.ConsentScopes);
    }
}
