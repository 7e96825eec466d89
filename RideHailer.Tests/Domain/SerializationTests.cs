using System.Text.Json;
using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Domain;

/// <summary>The orchestration stores states, turns, decisions and commands as JSON; they must come back the same.</summary>
public sealed class SerializationTests
{
    public static TheoryData<Turn, string> EveryTurn => new()
    {
        { new Launch(), "launch" },
        { new RideRequested("the space needle", "space-needle"), "rideRequested" },
        { new Yes(), "yes" },
        { new No(), "no" },
        { new Help(), "help" },
        { new Stop(), "stop" },
        { new Dismiss(), "dismiss" },
        { new Fallback(), "fallback" },
        { new ConsentResolved("consent.n", ConsentOutcome.Accepted), "consentResolved" },
        { new PinResolved("pin.n", PinVerification.NoMatch, 300, true), "pinResolved" },
        {
            new ActiveRideFound(Quotes.BookingFor(
                new BookRide("bk-0", Quotes.SpaceNeedle(SessionDriver.Noon), new Passenger("r", "p", "Alex", "+1")), SessionDriver.Noon)),
            "activeRideFound"
        },
        { new NoActiveRide(), "noActiveRide" },
        { new ActiveRideLookupFailed("down"), "activeRideLookupFailed" },
        { new QuoteReady(Quotes.SpaceNeedle(SessionDriver.Noon)), "quoteReady" },
        { new QuoteFailed("down"), "quoteFailed" },
        {
            new BookingDone(Quotes.BookingFor(
                new BookRide("bk-1", Quotes.SpaceNeedle(SessionDriver.Noon), new Passenger("r", "p", "Alex", "+1")), SessionDriver.Noon)),
            "bookingDone"
        },
        { new BookingFailed("down"), "bookingFailed" },
        { new SessionEnded("USER_INITIATED"), "sessionEnded" },
        { new UnmatchedResume(), "unmatchedResume" },
    };

    [Theory]
    [MemberData(nameof(EveryTurn))]
    public void Turn_RoundTripsThroughJsonWithItsDiscriminator(Turn turn, string discriminator)
    {
        var json = JsonSerializer.Serialize(turn);

        var back = JsonSerializer.Deserialize<Turn>(json);

        Assert.StartsWith($"{{\"$type\":\"{discriminator}\"", json, StringComparison.Ordinal);
        Assert.Equal(turn.GetType(), back!.GetType());
        Assert.Equal(json, JsonSerializer.Serialize(back));
    }

    [Fact]
    public async Task StateOfABookedSession_RoundTripsAndStaysFinished()
    {
        var session = new SessionDriver(rider: Riders.FullyGranted(Riders.PersonId));
        await session.SendAndRunAsync(new RideRequested("the space needle", null));
        session.Send(new Yes());
        await session.SendAndRunAsync(new PinResolved(session.PendingToken, PinVerification.Achieved, 400, true));
        var json = JsonSerializer.Serialize(session.State);

        var back = JsonSerializer.Deserialize<SessionState>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.True(back.IsFinished);
        Assert.Contains("\"Step\":\"Booked\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("IsFinished", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsWithTheMarkets_AndHelpNamingTheirPlaces_RoundTrip()
    {
        // The settings travel in every session orchestration's input; help's examples in its published replies.
        var settings = ConversationSettings.Default with { Markets = PlaceCatalog.Markets };
        var json = JsonSerializer.Serialize(settings);
        var back = JsonSerializer.Deserialize<ConversationSettings>(json)!;
        var help = new Conversation(back).Decide(SessionState.Start("session", "de-DE"), new Help(), new TurnContext(SessionDriver.Noon, "n", RiderFacts.None)).Reply!;
        var replyJson = JsonSerializer.Serialize(help);

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal("Flughafen BER", back.Markets.Single(market => market.Locale == "de-DE").Examples.Airport.NamesByLanguage["de"].ShortName);
        Assert.Contains("\"$type\":\"destinationHelp\"", replyJson, StringComparison.Ordinal);
        Assert.Equal(replyJson, JsonSerializer.Serialize(JsonSerializer.Deserialize<Reply>(replyJson)));
    }

    [Fact]
    public void DecisionWithConnectionAndPersonName_RoundTrips()
    {
        var session = new SessionDriver(rider: Riders.FullyGranted(Riders.PersonId));
        var decision = session.StartPin();
        var json = JsonSerializer.Serialize(decision);

        var back = JsonSerializer.Deserialize<Decision>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.IsType<PinConnectionRequest>(back.Reply!.Connection);
        Assert.Equal(decision.Reply!.Speech, back.Reply.Speech);
        Assert.Contains("\"$type\":\"greeting\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Session\":\"AwaitConnection\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandsAndCards_RoundTripAsTheirBaseTypes()
    {
        Command[] commands =
        [
            new FindActiveRide("r"),
            new QuoteRide(Quotes.SpaceNeedle(SessionDriver.Noon).Pickup, Quotes.SpaceNeedlePlace),
            new BookRide("bk-1", Quotes.SpaceNeedle(SessionDriver.Noon), new Passenger("r", null, null, null)),
        ];
        AppCard[] cards = [RideBookedCard.Of(Quotes.BookingFor(new BookRide("bk-1", Quotes.SpaceNeedle(SessionDriver.Noon), new Passenger("r", null, null, null)), SessionDriver.Noon)), new AccountLinkingCard(), new PermissionsCard([RiderScope.GivenName])];
        ConnectionRequest consent = new ConsentConnectionRequest([new ScopeRequest(RiderScope.GivenName, ConsentLevel.Person)], "consent.n");

        foreach (var command in commands)
        {
            var json = JsonSerializer.Serialize(command);
            Assert.Equal(command.GetType(), JsonSerializer.Deserialize<Command>(json)!.GetType());
        }

        foreach (var card in cards)
        {
            var json = JsonSerializer.Serialize(card);
            Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<AppCard>(json)));
        }

        var consentJson = JsonSerializer.Serialize(consent);
        Assert.Contains("\"Level\":\"Person\"", consentJson, StringComparison.Ordinal);
        Assert.Equal(consentJson, JsonSerializer.Serialize(JsonSerializer.Deserialize<ConnectionRequest>(consentJson)));
    }
}
