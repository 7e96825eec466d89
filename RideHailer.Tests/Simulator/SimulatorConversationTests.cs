using RideHailer.DevHost.Simulator;
using RideHailer.Domain.Pin;
using RideHailer.Simulation;
using RideHailer.Tests.Support.Simulator;

namespace RideHailer.Tests.Simulator;

/// <summary>
/// The chat simulator's conversations, one per consent and PIN flag, through the real endpoint, signature
/// verification and session orchestration: what the rider hears, and how many rides end up booked.
/// </summary>
public sealed class SimulatorConversationTests
{
    private const string ConsentQuestion =
        "Alexa: Do you give Ride Hailer permission to access your name, current location, and mobile number? You can say 'I approve' or 'no'.";

    private const string NeedsAccess =
        "To order you a car, Ride Hailer needs access to that information. Please go to the Alexa app to give Ride Hailer permission, "
        + "and then open Ride Hailer again. Thank you for using Ride Hailer.";

    private const string PermissionsCard =
        "[card] AskForPermissionsConsent: alexa::profile:given_name:read, alexa::devices:all:geolocation:read, alexa::profile:mobile_number:read";

    [Fact]
    public async Task ConsentAccepted_AsksAmazonsQuestionQuotesAndBooksOnceAfterThePin()
    {
        var options = new SimulatorOptions { Consent = ConsentAnswer.Accepted, Pin = PinAnswer.Achieved };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, outcome) = await simulator.ChatAsync(options, "open ride hailer", "the space needle", "yes");

        AssertInOrder(
            transcript,
            "You: open ride hailer",
            "Alexa: Welcome to Ride Hailer. Where would you like to go?",
            "You: the space needle",
            "Alexa: Sure. I need access to your name, current location, and mobile number so that I can find a ride for you.",
            ConsentQuestion,
            "You: I approve.",
            "[simulator] Alexa resumes Ride Hailer: 200 ACCEPTED",
            "Alexa: Thank you. A ride to the Space Needle from your current location will cost ",
            "You: yes",
            "Alexa: Ok, Jane.",
            "Alexa: What's your profile PIN?",
            "[simulator] Alexa resumes Ride Hailer: 200 ACHIEVED",
            "Alexa: Great. Your driver will arrive in ",
            "[card] Your ride is booked",
            "Destination: Space Needle",
            "[session ended]");
        Assert.Equal(0, outcome.ExitCode);
        var booking = Assert.Single(simulator.Bookings);
        Assert.Equal("space-needle", booking.Quote.Destination.Id);
        Assert.Equal("Jane", booking.Passenger.GivenName);
    }

    [Fact]
    public async Task InGerman_AmazonAsksForConsentAndThePinInGerman()
    {
        var options = new SimulatorOptions { Locale = "de-DE", Consent = ConsentAnswer.Accepted, Pin = PinAnswer.Achieved };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, outcome) = await simulator.ChatAsync(options, "öffne ride hailer", "bring mich zur space needle", "ja");

        AssertInOrder(
            transcript,
            "Alexa: Willkommen bei Ride Hailer. Wohin möchtest du fahren?",
            "Alexa: Gern. Ich brauche Zugriff auf deinen Namen, deinen aktuellen Standort und deine Handynummer",
            "Alexa: Erlaubst du Ride Hailer, auf deinen Namen, deinen aktuellen Standort und deine Handynummer zuzugreifen? "
            + "Du kannst 'Ich stimme zu' oder 'Nein' sagen.",
            "You: Ich stimme zu.",
            "[simulator] Alexa resumes Ride Hailer: 200 ACCEPTED",
            "mit dem Ziel Space Needle kostet ",
            "You: ja",
            "Alexa: Wie lautet deine Profil-PIN?",
            "You: Eins zwei drei vier.",
            "[simulator] Alexa resumes Ride Hailer: 200 ACHIEVED",
            "[session ended]");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("space-needle", Assert.Single(simulator.Bookings).Quote.Destination.Id);
    }

    [Fact]
    public async Task Explain_NotesEachUtterancesIntentAndSlotsOrThatItMatchedNothing()
    {
        var options = new SimulatorOptions { Explain = true, Consent = ConsentAnswer.Denied };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, _) = await simulator.ChatAsync(options, "open ride hailer", "what's the weather like", "a cab to the space needle please");

        AssertInOrder(
            transcript,
            "You: open ride hailer",
            "[simulator] heard a launch: LaunchRequest",
            "You: what's the weather like",
            "[simulator] matched nothing in the interaction model: AMAZON.FallbackIntent",
            "You: a cab to the space needle please",
            "[simulator] heard OrderRideIntent: destination = 'the space needle' (PlaceName: space-needle)",
            ConsentQuestion);
    }

    [Theory]
    [InlineData("denied", "You: No.", "200 DENIED", "Alexa: Ok. " + NeedsAccess)]
    [InlineData("not-answered", "Alexa times out after eight seconds", "200 NOT_ANSWERED", "Alexa: " + NeedsAccess)]
    [InlineData("no-content", "the consent turn is cancelled", "resumes Ride Hailer: 204", "Alexa: " + NeedsAccess)]
    [InlineData("redirect-to-app", "sends you to the Alexa app", "200 REDIRECT_TO_APP",
        "Alexa: Please finish giving Ride Hailer permission in the Alexa app, and then open Ride Hailer again.")]
    [InlineData("error", "consent service fails", "resumes Ride Hailer: 500",
        "Alexa: Sorry, something went wrong while asking for your permission.")]
    [InlineData("bad-request", "finds the skill's request invalid", "resumes Ride Hailer: 400",
        "Alexa: Sorry, something went wrong while asking for your permission.")]
    [InlineData("forbidden", "voice-forward consent is not configured", "resumes Ride Hailer: 403",
        "Alexa: Sorry, something went wrong while asking for your permission.")]
    [InlineData("no-provider", "no consent provider is available", "resumes Ride Hailer: 404",
        "Alexa: Sorry, something went wrong while asking for your permission.")]
    public async Task ConsentNotGiven_EndsWithThePermissionsCardAndNoBooking(string consent, string riderTurn, string resumed, string skillSays)
    {
        var options = new SimulatorOptions { Consent = ConsentAnswers.ByFlag[consent], Pin = PinAnswer.Achieved };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, outcome) = await simulator.ChatAsync(options, "open ride hailer", "the space needle", "yes");

        AssertInOrder(transcript, ConsentQuestion, riderTurn, resumed, skillSays, PermissionsCard, "[session ended]");
        Assert.DoesNotContain("What's your profile PIN?", transcript, StringComparison.Ordinal);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(simulator.Bookings);
    }

    [Fact]
    public async Task WhereIsMyRide_InALaterSession_TellsTheDriverCarAndPlateCharacterByCharacter()
    {
        var options = new SimulatorOptions { Consent = ConsentAnswer.Accepted, Pin = PinAnswer.Achieved };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, outcome) = await simulator.ChatAsync(
            options, "ask ride hailer for a ride to the space needle", "yes", "ask ride hailer where my ride is");

        var dispatch = Assert.Single(simulator.Bookings).Dispatch;
        var later = transcript[transcript.LastIndexOf("You: ask ride hailer where my ride is", StringComparison.Ordinal)..];
        var plate = string.Join(' ', dispatch.LicensePlate.Where(character => !char.IsWhiteSpace(character)));
        Assert.Matches($"Alexa: {dispatch.DriverName} is [a-z-]+ minutes? away in {dispatch.Car}, plate {plate}\\.", later);
        Assert.Equal(0, outcome.ExitCode);
    }

    [Fact]
    public async Task ConsentGivenInOneSession_IsNotAskedForInTheNext()
    {
        var options = new SimulatorOptions { Consent = ConsentAnswer.Accepted, Pin = PinAnswer.Achieved };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, outcome) = await simulator.ChatAsync(
            options, "open ride hailer", "the space needle", "no", "open ride hailer", "the space needle", "yes");

        var second = transcript[transcript.LastIndexOf("You: open ride hailer", StringComparison.Ordinal)..];
        Assert.Single(AllIndexesOf(transcript, ConsentQuestion));
        AssertInOrder(second, "You: the space needle", "Alexa: A ride to the Space Needle from your current location will cost ", "Alexa: Great.");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Single(simulator.Bookings);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GrantedEarlier_QuotesWithoutConsent(bool noGeolocation)
    {
        var options = new SimulatorOptions { GrantedEarlier = true, NoGeolocation = noGeolocation, Pin = PinAnswer.Achieved };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, _) = await simulator.ChatAsync(options, "open ride hailer", "the space needle", "yes");

        Assert.DoesNotContain(ConsentQuestion, transcript, StringComparison.Ordinal);
        Assert.Contains(
            noGeolocation ? "Alexa: A ride to the Space Needle from your address" : "Alexa: A ride to the Space Needle from your current location",
            transcript,
            StringComparison.Ordinal);
        Assert.Contains("data scopes granted by voice earlier", transcript, StringComparison.Ordinal);
        Assert.Single(simulator.Bookings);
    }

    [Fact]
    public async Task SpeakerWithoutTheirOwnLink_IsSaidSoAndStillBooksOnTheAccountsLink()
    {
        var options = new SimulatorOptions { Granted = true, PersonUnlinked = true, Pin = PinAnswer.Achieved };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, _) = await simulator.ChatAsync(options, "open ride hailer", "the space needle", "yes");

        Assert.Contains("recognised speaker without their own link", transcript, StringComparison.Ordinal);
        Assert.Single(simulator.Bookings);
    }

    [Theory]
    [InlineData("achieved", PinPolicy.Mandatory)]
    [InlineData("not-enabled", PinPolicy.Optional)]
    public async Task PinConfirmed_BooksExactlyOnce(string pin, PinPolicy policy)
    {
        var options = new SimulatorOptions { Granted = true, Pin = PinAnswers.ByFlag[pin], PinPolicy = policy };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, _) = await simulator.ChatAsync(options, "alexa, ask ride hailer for a ride to sea tac", "yes");

        AssertInOrder(
            transcript,
            "Alexa: A ride to Seattle-Tacoma International Airport from your current location will cost ",
            "Alexa: Ok, Jane.",
            "Alexa: Great. Your driver will arrive in ",
            "[card] Your ride is booked");
        Assert.DoesNotContain(ConsentQuestion, transcript, StringComparison.Ordinal);
        var booking = Assert.Single(simulator.Bookings);
        Assert.Equal("seattle-tacoma-international-airport", booking.Quote.Destination.Id);
    }

    [Theory]
    [InlineData("not-enabled", false, "200 NOT_ENABLED", "PIN confirmation is not turned on")]
    [InlineData("lockout", true, "200 METHOD_LOCKOUT", "Alexa: Sorry, your profile PIN is locked after too many attempts")]
    [InlineData("not-setup", false, "200 VERIFICATION_METHOD_NOT_SETUP", "Alexa: To book a ride, please set up a profile PIN")]
    [InlineData("error", false, "resumes Ride Hailer: 500", "Alexa: Sorry, something went wrong while verifying your identity.")]
    [InlineData("bad-request", false, "resumes Ride Hailer: 400", "Alexa: Sorry, something went wrong while verifying your identity.")]
    [InlineData("forbidden", false, "resumes Ride Hailer: 403", "Alexa: Sorry, something went wrong while verifying your identity.")]
    [InlineData("no-provider", false, "resumes Ride Hailer: 404", "Alexa: Sorry, something went wrong while verifying your identity.")]
    [InlineData("achieved-below-level", true, "200 ACHIEVED", "Alexa: Sorry, verification failed. Your ride was not booked.")]
    public async Task PinNotConfirmed_EndsWithoutBooking(string pin, bool alexaAsks, string resumed, string skillSays)
    {
        var options = new SimulatorOptions { Granted = true, Pin = PinAnswers.ByFlag[pin], PinPolicy = PinPolicy.Mandatory };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, outcome) = await simulator.ChatAsync(options, "order me a ride to the space needle", "yes");

        AssertInOrder(transcript, "Alexa: Ok, Jane.", resumed, skillSays, "[session ended]");
        Assert.Equal(alexaAsks, transcript.Contains("Alexa: What's your profile PIN?", StringComparison.Ordinal));
        Assert.DoesNotContain("[card] Your ride is booked", transcript, StringComparison.Ordinal);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(simulator.Bookings);
    }

    [Fact]
    public async Task PinNotMatch_OffersOneRetryThenEndsWithoutBooking()
    {
        var options = new SimulatorOptions { Granted = true, Pin = PinAnswer.NotMatch };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, _) = await simulator.ChatAsync(options, "order me a ride to the space needle", "yes", "yes");

        AssertInOrder(
            transcript,
            "Alexa: What's your profile PIN?",
            "200 NOT_MATCH",
            "Alexa: Sorry, that PIN didn't match. Do you want to try again?",
            "You: yes",
            "Alexa: What's your profile PIN?",
            "200 NOT_MATCH",
            "Alexa: Sorry, that PIN didn't match either, so your ride was not booked.",
            "[session ended]");
        Assert.Empty(simulator.Bookings);
    }

    [Theory]
    [InlineData("consent-accepted", 1, "200 ACCEPTED")]
    [InlineData("consent-denied", 0, "200 DENIED")]
    [InlineData("consent-not-answered", 0, "200 NOT_ANSWERED")]
    [InlineData("pin-confirmation", 1, "200 ACHIEVED")]
    [InlineData("returning-rider", 1, "200 ACHIEVED")]
    public async Task Scenario_RunsItsScriptAndPrintsTheTranscript(string name, int bookings, string resumed)
    {
        var options = new SimulatorOptions { Scenario = Scenario.Find(name) };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        // A scenario ignores the input it is given: its script is the input.
        var (transcript, outcome) = await simulator.ChatAsync(options, "quit");

        Assert.Contains($"[simulator] scenario {name}: ", transcript, StringComparison.Ordinal);
        Assert.Contains(resumed, transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("You: quit", transcript, StringComparison.Ordinal);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(bookings, simulator.Bookings.Count);
    }

    [Fact]
    public async Task Piped_WithoutFlags_AnswersTheHappyPathAndSaysSo()
    {
        var options = new SimulatorOptions();
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, _) = await simulator.ChatAsync(options, "open ride hailer", "the space needle", "yes");

        AssertInOrder(
            transcript,
            "[simulator] no --consent given and no terminal to ask in: answering 'accepted'",
            "[simulator] no --pin given and no terminal to ask in: answering 'achieved'",
            "[card] Your ride is booked");
        Assert.Single(simulator.Bookings);
    }

    [Fact]
    public async Task Unlinked_GetsTheLinkAccountCard()
    {
        var options = new SimulatorOptions { Unlinked = true };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, _) = await simulator.ChatAsync(options, "ask ride hailer to take me to the zoo");

        AssertInOrder(transcript, "Alexa: To book a ride, Ride Hailer needs your account.", "[card] LinkAccount", "[session ended]");
        Assert.Empty(simulator.Bookings);
    }

    [Fact]
    public async Task NoGeolocation_AsksForTheAddressAndPicksUpThere()
    {
        var options = new SimulatorOptions { NoGeolocation = true, Consent = ConsentAnswer.Accepted, Pin = PinAnswer.Achieved };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, _) = await simulator.ChatAsync(options, "open ride hailer", "pike place", "yes");

        AssertInOrder(
            transcript,
            "Alexa: Do you give Ride Hailer permission to access your name, address, and mobile number?",
            "Alexa: Thank you. A ride to Pike Place Market from your address will cost ",
            "Pickup: 400 Broad St, Seattle");
        Assert.Single(simulator.Bookings);
    }

    [Fact]
    public async Task UnknownPlace_IsSentUnresolvedAndTheSkillAsksAgain()
    {
        var options = new SimulatorOptions { Json = true };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, _) = await simulator.ChatAsync(options, "open ride hailer", "take me to the moon", "stop");

        Assert.Contains("\"code\": \"ER_SUCCESS_NO_MATCH\"", transcript, StringComparison.Ordinal);
        AssertInOrder(
            transcript,
            "Alexa: I couldn't find the moon. Where would you like to go?",
            "You: stop",
            "\"name\": \"AMAZON.StopIntent\"",
            "[session ended]");
    }

    [Fact]
    public async Task EndOfInput_EndsTheOpenSessionWithASessionEndedRequest()
    {
        var options = new SimulatorOptions { Json = true };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, outcome) = await simulator.ChatAsync(options, "open ride hailer");

        AssertInOrder(transcript, "\"type\": \"LaunchRequest\"", "\"type\": \"SessionEndedRequest\"", "\"reason\": \"USER_INITIATED\"", "[session ended]");
        Assert.Single(outcome.SessionIds);
        Assert.Equal(0, outcome.ExitCode);
    }

    [Fact]
    public async Task HostThatDoesNotTrustTheSimulator_RejectsEveryRequest_AndTheExitCodeSaysSo()
    {
        var options = new SimulatorOptions();
        await using var simulator = await SimulatorHarness.StartAsync(options, trustSimulator: false);

        var (transcript, outcome) = await simulator.ChatAsync(options, "open ride hailer");

        Assert.Contains("[simulator] the skill answered HTTP 400", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("Alexa: Welcome", transcript, StringComparison.Ordinal);
        Assert.Equal(1, outcome.ExitCode);
    }

    /// <summary>Each fragment appears in the transcript after the previous one.</summary>
    private static void AssertInOrder(string transcript, params string[] fragments)
    {
        var position = 0;
        foreach (var fragment in fragments)
        {
            var found = transcript.IndexOf(fragment, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"Expected \"{fragment}\" after position {position} in:{Environment.NewLine}{transcript}");
            position = found + fragment.Length;
        }
    }

    private static List<int> AllIndexesOf(string text, string value)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            found.Add(at);
        }

        return found;
    }
}
