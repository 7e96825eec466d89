using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Replies;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Speech;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>The seeds' conversations end to end, with the local fleet pricing and the in-process store booking.</summary>
public sealed class SeedConversationTests
{
    private const string Welcome = "Welcome to Ride Hailer. Where would you like to go?";
    private const string AskConsent = "Sure. I need access to your name, current location, and mobile number so that I can find a ride for you.";

    private const string Fallback = "To order you a car, Ride Hailer needs access to that information. Please go to the Alexa app to give "
        + "Ride Hailer permission, and then open Ride Hailer again. Thank you for using Ride Hailer.";

    // Pickup at the Seattle depot and a fifteen-dollar minimum make the fleet quote the seeds' numbers.
    private static readonly FleetTariff SeedTariff = new() { MinimumFare = 15m, DispatchDelay = TimeSpan.FromMinutes(10) };

    private static SessionDriver ConsentSeed() => new(rider: Riders.LinkedWithoutConsent(), tariff: SeedTariff);

    private static void OpenAndAskForSpaceNeedle(SessionDriver session)
    {
        var welcome = session.Send(new Launch());
        Assert.Equal(Welcome, welcome.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, welcome.Reply.Session);
        Assert.Equal("Where would you like to go?", welcome.Reply.Reprompt!.ToPlainText());

        var consent = session.Send(new RideRequested("The Space Needle.", null));
        Assert.Equal(AskConsent, consent.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.AwaitConnection, consent.Reply.Session);
        var connection = Assert.IsType<ConsentConnectionRequest>(consent.Reply.Connection);
        Assert.Equal(
            [
                new ScopeRequest(RiderScope.GivenName, ConsentLevel.Account),
                new ScopeRequest(RiderScope.Geolocation, ConsentLevel.Account),
                new ScopeRequest(RiderScope.MobileNumber, ConsentLevel.Account),
            ],
            connection.Scopes);
        Assert.StartsWith("consent.", connection.Token, StringComparison.Ordinal);
        Assert.Empty(consent.Commands);
    }

    [Fact]
    public async Task ConsentSeed_UserApproves_QuotesThankfullyAndBooksAfterPin()
    {
        var session = ConsentSeed();
        OpenAndAskForSpaceNeedle(session);

        session.Rider = Riders.FullyGranted();
        var quote = await session.ResumeConsentAndRunAsync(ConsentOutcome.Accepted);
        Assert.Equal(
            "Thank you. A ride to the Space Needle from your current location will cost fifteen dollars, and the driver can pick you up in ten minutes. Do you want me to book it?",
            quote.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, quote.Reply.Session);

        var pin = session.Send(new Yes());
        Assert.Equal("Ok, Alex.", pin.Reply!.Speech.ToPlainText());
        Assert.IsType<PinConnectionRequest>(pin.Reply.Connection);

        var booked = await session.SendAndRunAsync(new PinResolved(session.PendingToken, PinVerification.Achieved, 400, true));
        Assert.Equal("Great. Your driver will arrive in ten minutes.", booked.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, booked.Reply.Session);
        Assert.True(session.State.IsFinished);
        Assert.Equal(1, session.Store.Count);
    }

    [Fact]
    public void ConsentSeed_UserDeclines_SaysOkFallbackWithPermissionsCardAndEnds()
    {
        var session = ConsentSeed();
        OpenAndAskForSpaceNeedle(session);

        var denied = session.ResumeConsent(ConsentOutcome.Denied);

        Assert.Equal("Ok. " + Fallback, denied.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, denied.Reply.Session);
        Assert.Equal(Riders.AllScopes, Assert.IsType<PermissionsCard>(denied.Reply.Card).Scopes);
        Assert.Empty(denied.Commands);
        Assert.True(session.State.IsFinished);
    }

    [Fact]
    public void ConsentSeed_UserDoesNotAnswer_SaysFallbackWithoutOkWithCardAndEnds()
    {
        var session = ConsentSeed();
        OpenAndAskForSpaceNeedle(session);

        var silent = session.ResumeConsent(ConsentOutcome.NotAnswered);

        Assert.Equal(Fallback, silent.Reply!.Speech.ToPlainText());
        Assert.IsType<PermissionsCard>(silent.Reply.Card);
        Assert.Equal(SessionBehavior.End, silent.Reply.Session);
        Assert.Empty(session.CommandsIssued);
    }

    [Fact]
    public async Task PinSeed_OneShotRecognisedSpeaker_GreetsByFirstNameAndBooksWithEightMinuteDriver()
    {
        var session = new SessionDriver(rider: Riders.FullyGranted(Riders.PersonId), tariff: SeedTariff);

        var quote = await session.SendAndRunAsync(new RideRequested("the Space Needle", "space-needle"));
        Assert.Equal(
            "A ride to the Space Needle from your current location will cost fifteen dollars, and the driver can pick you up in ten minutes. Do you want me to book it?",
            quote.Reply!.Speech.ToPlainText());

        var ok = session.Send(new Yes());
        Assert.Equal(
            [new SpokenText("Ok, "), new PersonFirstName(Riders.PersonId), new SpokenText(".")],
            Spoken.English.Say(Assert.Single(ok.Reply!.Speech)));
        Assert.Equal(SessionBehavior.AwaitConnection, ok.Reply.Session);
        var connection = Assert.IsType<PinConnectionRequest>(ok.Reply.Connection);
        Assert.Equal(400, connection.ConfidenceLevel);
        Assert.Equal("VOICE_PIN", connection.PolicyName);
        Assert.StartsWith("pin.", connection.Token, StringComparison.Ordinal);

        session.Now += TimeSpan.FromMinutes(2);
        var booked = await session.SendAndRunAsync(new PinResolved(connection.Token, PinVerification.Achieved, 400, true));

        Assert.Equal("Great. Your driver will arrive in eight minutes.", booked.Reply!.Speech.ToPlainText());
        var card = Spoken.English.BookedCard(Assert.IsType<RideBookedCard>(booked.Reply.Card));
        Assert.Contains("Space Needle", card.Content, StringComparison.Ordinal);
        Assert.Contains("$15.00", card.Content, StringComparison.Ordinal);
        Assert.Equal(SessionStep.Booked, session.State.Step);
        Assert.Single(session.CommandsIssued.OfType<BookRide>());
    }
}
