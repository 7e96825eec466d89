using System.Text.Json;
using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>
/// Long random sessions (seeded, so failures replay) mixing sensible and hostile turns: right, stale, forged and
/// cross-kind tokens, stray command results, changing rider facts and clocks. Checks the promises that hold
/// for every state and turn.
/// </summary>
public sealed class ConversationPropertyTests
{
    private const int SessionsPerSeed = 250;
    private const int TurnsPerSession = 40;

    private static readonly string?[] Places = ["the space needle", "Sea-Tac", "Narnia", null, "", "the zoo", "STATUE OF LIBERTY!", BroadStreet];

    /// <summary>What the search answers with places far apart, so random sessions are asked which one.</summary>
    private const string BroadStreet = "400 Broad Street";

    private static readonly string?[] ChoiceWords = [null, "the one in Everett", "Seattle", "Tacoma", "400 Broad Street"];
    private static readonly string?[] PlaceIds = [null, "space-needle", "kerry-park", "no-such-place"];
    private static readonly ConsentOutcome[] ConsentOutcomes =
    [
        ConsentOutcome.Accepted, ConsentOutcome.Accepted, ConsentOutcome.Denied, ConsentOutcome.NotAnswered, ConsentOutcome.RedirectToApp,
        ConsentOutcome.Failed, ConsentOutcome.Failed,
    ];

    private static readonly PinVerification[] PinVerifications =
    [
        PinVerification.Achieved, PinVerification.Achieved, PinVerification.Achieved, PinVerification.NoMatch, PinVerification.NoMatch,
        PinVerification.LockedOut, PinVerification.NotSetUp, PinVerification.NotAchieved, PinVerification.NotEnabled,
        PinVerification.ConnectionFailed,
    ];
    private static readonly int?[] Levels = [400, 400, 500, 300, 100, null];

    private static readonly RiderFacts[] RiderVariants =
    [
        RiderFacts.None,
        Riders.LinkedWithoutConsent(),
        Riders.LinkedWithoutConsent(Riders.PersonId),
        Riders.FullyGranted(),
        Riders.FullyGranted(),
        Riders.FullyGranted(Riders.PersonId),
        Riders.FullyGranted() with { RefusedScopes = [RiderScope.MobileNumber] },
        Riders.FullyGranted() with { SupportsGeolocation = false },
        Riders.FullyGranted() with { GrantedScopes = null!, RefusedScopes = null! },
        Riders.FullyGranted() with { HomeAddress = FoundPlaces.HomeAddress },
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomSessions_NeverThrowNeverBookTwiceAndKeepEveryReplyPromise(int seed)
    {
        var random = new Random(seed);
        var stepsVisited = new HashSet<SessionStep>();
        var sessionsBooked = 0;
        for (var i = 0; i < SessionsPerSeed; i++)
        {
            sessionsBooked += PlaySession(random, $"session-{seed}-{i}", stepsVisited);
        }

        // The walk is only worth something if it reaches every step and books now and then.
        Assert.Equal(Enum.GetValues<SessionStep>().Order(), stepsVisited.Order());
        Assert.InRange(sessionsBooked, 1, SessionsPerSeed);
    }

    private static int PlaySession(Random random, string sessionKey, HashSet<SessionStep> stepsVisited)
    {
        var settings = ConversationSettings.Default with { PinPolicy = random.Next(2) == 0 ? PinPolicy.Mandatory : PinPolicy.Optional };
        var conversation = new Conversation(settings);
        var state = SessionState.Start(sessionKey);
        stepsVisited.Add(state.Step);
        var now = SessionDriver.Noon;
        var tokensSeen = new List<string>();
        Command? lastCommand = null;
        var bookings = 0;

        var rider = Pick(random, RiderVariants);

        for (var turnNumber = 0; turnNumber < TurnsPerSession; turnNumber++)
        {
            now += TimeSpan.FromSeconds(random.Next(0, 150));
            rider = random.Next(8) == 0 ? Pick(random, RiderVariants) : rider;
            var context = new TurnContext(now, random.Next(20) == 0 ? string.Empty : $"n{turnNumber}", rider);
            var turn = NextTurn(random, state, lastCommand, tokensSeen, now);

            var decision = conversation.Decide(state, turn, context);

            AssertSameDecisionAgain(conversation, state, turn, context, decision);
            AssertReplyPromises(state, turn, decision, settings);
            bookings += decision.Commands.OfType<BookRide>().Count();
            Assert.True(bookings <= 1, $"{sessionKey}: a second BookRide after {turn}.");

            if (decision.Reply?.Connection is { } connection)
            {
                tokensSeen.Add(connection.Token);
            }

            lastCommand = decision.Commands.Count > 0 ? decision.Commands[0] : null;
            state = decision.State;
            stepsVisited.Add(state.Step);
        }

        return bookings;
    }

    private static void AssertSameDecisionAgain(Conversation conversation, SessionState state, Turn turn, TurnContext context, Decision decision)
    {
        var expected = JsonSerializer.Serialize(decision);
        Assert.Equal(expected, JsonSerializer.Serialize(conversation.Decide(state, turn, context)));

        // The state and turn must survive the orchestration's JSON round trip and decide the same way after it.
        var storedState = JsonSerializer.Deserialize<SessionState>(JsonSerializer.Serialize(state))!;
        var storedTurn = JsonSerializer.Deserialize<Turn>(JsonSerializer.Serialize(turn))!;
        Assert.Equal(expected, JsonSerializer.Serialize(conversation.Decide(storedState, storedTurn, context)));
    }

    private static void AssertReplyPromises(SessionState before, Turn turn, Decision decision, ConversationSettings settings)
    {
        var reply = decision.Reply;
        Assert.True(decision.Commands.Count <= 1);
        if (reply is null)
        {
            Assert.True(decision.Commands.Count == 1 || turn is SessionEnded, $"No reply and nothing to do after {turn}.");
        }
        else
        {
            Assert.Equal(reply.Connection is not null, reply.Session == SessionBehavior.AwaitConnection);
            Assert.Equal(reply.Session == SessionBehavior.KeepOpen, reply.Reprompt is not null);
            Assert.False(string.IsNullOrWhiteSpace(reply.Speech.ToPlainText()));
            if (reply.Connection is { } connection)
            {
                Assert.Equal(connection.Token, decision.State.PendingConnection?.Format());
                Assert.Empty(decision.Commands);
            }
        }

        if (before.IsFinished)
        {
            Assert.Empty(decision.Commands);
            Assert.True(decision.State.IsFinished);
        }

        if (decision.Commands.OfType<BookRide>().Any())
        {
            // Only the awaited PIN resume, verified under the policy, may book (also when it arrives while a ride
            // question is answered aside: the PIN step it interrupted is still waiting for it).
            var pin = Assert.IsType<PinResolved>(turn);
            Assert.Equal(SessionStep.AwaitingPin, before.InterruptedStep ?? before.Step);
            Assert.Equal(pin.Token, before.PendingConnection!.Format());
            var verified = pin.Verification == PinVerification.Achieved && pin.PersonPresent && pin.AchievedLevel >= 400;
            var optionalNotEnabled = pin.Verification == PinVerification.NotEnabled && settings.PinPolicy == PinPolicy.Optional;
            Assert.True(verified || optionalNotEnabled, $"Booked on {pin}.");
        }
    }

    private static Turn NextTurn(Random random, SessionState state, Command? lastCommand, List<string> tokensSeen, DateTimeOffset now)
    {
        if (lastCommand is not null && random.Next(5) > 0)
        {
            return CommandResult(random, lastCommand, now);
        }

        if (random.Next(5) < 3 && ForwardTurn(random, state) is { } forward)
        {
            return forward;
        }

        return random.Next(17) switch
        {
            0 => random.Next(3) == 0 ? new RideHomeRequested() : new Launch(),
            1 or 2 => new RideRequested(Pick(random, Places), Pick(random, PlaceIds)),
            3 or 4 => new Yes(),
            5 => new No(),
            6 => new Help(),
            7 => random.Next(4) == 0 ? new Stop() : new Fallback(),
            8 => random.Next(4) == 0 ? new Dismiss() : new UnmatchedResume(),
            9 => random.Next(6) == 0 ? new SessionEnded(null) : new Fallback(),
            10 or 11 => new ConsentResolved(SomeToken(random, state, tokensSeen), Pick(random, ConsentOutcomes)),
            12 or 13 or 14 => new PinResolved(
                SomeToken(random, state, tokensSeen),
                Pick(random, PinVerifications),
                Pick(random, Levels),
                random.Next(4) > 0),
            15 => random.Next(3) switch
            {
                0 => new QuoteReady(Quotes.SpaceNeedle(now, $"q-stray-{random.Next(3)}")),
                1 => new ActiveRideFound(Quotes.EarlierRide(now)),
                _ => new NoActiveRide(),
            },
            _ => new BookingDone(Quotes.BookingFor(new BookRide("bk-stray", Quotes.SpaceNeedle(now), new("r", null, null, null)), now)),
        };
    }

    /// <summary>The turn a cooperative rider or Alexa would send next, so random sessions get far enough to book.</summary>
    private static Turn? ForwardTurn(Random random, SessionState state) => state.Step switch
    {
        SessionStep.New or SessionStep.AwaitingDestination => random.Next(10) switch
        {
            0 => new RideStatusAsked(),
            1 => new CancelRideAsked(),
            _ => new RideRequested(Pick(random, Places), Pick(random, PlaceIds)) { RideType = random.Next(3) == 0 ? Pick(random, Enum.GetValues<RideType>()) : null },
        },
        SessionStep.AwaitingCancelAnswer => random.Next(3) > 0 ? new Yes() : new No(),
        SessionStep.AwaitingPlaceChoice => random.Next(4) == 0
            ? new RideRequested(Pick(random, ChoiceWords), null)
            : new PlaceChosen(random.Next(5) > 0 ? random.Next(0, 5) : null, Pick(random, ChoiceWords)),
        SessionStep.AwaitingConsent => new ConsentResolved(state.PendingConnection?.Format() ?? "", Pick(random, ConsentOutcomes)),
        // Now and then the rider asks about their ride in the middle of the booking: it is answered aside.
        SessionStep.AwaitingQuoteAnswer or SessionStep.AwaitingPinRetryAnswer or SessionStep.AwaitingSecondRideAnswer
            or SessionStep.AwaitingPlaceChoice or SessionStep.AwaitingConsent or SessionStep.AwaitingPin when random.Next(12) == 0 =>
            random.Next(2) == 0 ? new RideStatusAsked() : new CancelRideAsked(),
        SessionStep.AwaitingQuoteAnswer or SessionStep.AwaitingPinRetryAnswer => new Yes(),
        SessionStep.AwaitingSecondRideAnswer => random.Next(4) > 0 ? new Yes() : new No(),
        SessionStep.AwaitingPin => new PinResolved(
            state.PendingConnection?.Format() ?? "",
            Pick(random, PinVerifications),
            Pick(random, Levels),
            random.Next(4) > 0),
        _ => null,
    };

    private static Turn CommandResult(Random random, Command command, DateTimeOffset now) => command switch
    {
        // The place search answers without a draw: home, places far apart for a street address, else the catalog.
        FindPlace { Home: true } => new PlacesFound([FoundPlaces.Home]),
        FindPlace { Query.Said: BroadStreet } => new PlacesFound(
            [FoundPlaces.BroadStreetSeattle, FoundPlaces.BroadStreetEverett, FoundPlaces.BroadStreetTacoma]),
        FindPlace find => PlaceCatalog.Default.FindAsync(find.Query, CancellationToken.None).Result is [var place, ..]
            ? new PlaceFound(place)
            : new PlaceNotFound(),
        FindActiveRide => random.Next(4) switch
        {
            // Booked up to twelve minutes ago with an eight-minute driver: on its way, or just arrived.
            0 or 1 => new ActiveRideFound(Quotes.EarlierRide(now, TimeSpan.FromMinutes(random.Next(0, 13)))),
            2 => new NoActiveRide(),
            _ => new ActiveRideLookupFailed("store down"),
        },
        QuoteRide quote when random.Next(6) > 0 => new QuoteReady(new Quote(
            $"q-{random.Next(1000)}",
            quote.Pickup,
            quote.Destination,
            new Money(8m + random.Next(40), "USD"),
            TimeSpan.FromMinutes(random.Next(1, 20)),
            now,
            now.AddMinutes(random.Next(0, 6)))),
        QuoteRide => new QuoteFailed("provider down"),
        BookRide book when random.Next(6) > 0 => new BookingDone(Quotes.BookingFor(book, now)),
        BookRide => new BookingFailed("store down"),

        // The rider's latest ride: on its way (as booked, or in any reported state), none, or the store down.
        FindLatestRide => random.Next(5) switch
        {
            0 or 1 => new LatestRideFound(Sessions.RideOnItsWay(now)),
            2 => new LatestRideFound(Sessions.RideOnItsWay(now) with
            {
                Progress = new RideProgress(Pick(random, Enum.GetValues<RideStatus>()), null, TimeSpan.FromMinutes(random.Next(0, 6)), 1, now),
            }),
            3 => new NoLatestRide(),
            _ => new LatestRideLookupFailed("store down"),
        },
        PriceCancellation => random.Next(4) switch
        {
            0 or 1 => new CancellationFeeFound(null),
            2 => new CancellationFeeFound(new Money(5m, "USD")),
            _ => new CancellationFeeFailed("provider down"),
        },
        CancelRide cancel when random.Next(4) > 0 => new RideCanceled(new RideCancellation(RideStatus.RiderCanceled, cancel.ConfirmedFee)),
        CancelRide => new RideCancelFailed("provider down", random.Next(2) == 0),
        _ => new BookingFailed("store down"),
    };

    private static string SomeToken(Random random, SessionState state, List<string> tokensSeen)
    {
        var pending = state.PendingConnection;
        return random.Next(10) switch
        {
            < 6 when pending is not null => pending.Format(),
            6 when pending is not null => new ConnectionToken(
                pending.Kind == ConnectionKind.Pin ? ConnectionKind.Consent : ConnectionKind.Pin, pending.Nonce).Format(),
            7 when tokensSeen.Count > 0 => tokensSeen[random.Next(tokensSeen.Count)],
            8 => "consent.forged",
            _ => "pin.forged",
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
