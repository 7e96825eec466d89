using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using RideHailer.DevHost.WebConsole;
using RideHailer.Tests.Support.WebConsole;

namespace RideHailer.Tests.DevHost.WebConsole;

/// <summary>The console's JSON API over the kit: turns in and out as JSON, Amazon's outcomes, the durable state and bookings, errors as 400 with a reason.</summary>
public sealed class WebConsoleApiTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleHost _host = fixture.Host;

    [Fact]
    public async Task BookedRide_ConsentAcceptedThenPinAchieved_ShowsTheBookingAndTheFinishedSession()
    {
        var run = await _host.StartRunAsync();

        var launch = await _host.SayAsync(run, "open ride hailer");
        Assert.Contains(Speech(launch), text => text.StartsWith("Welcome to Ride Hailer", StringComparison.Ordinal));
        var destination = await _host.SayAsync(run, "the space needle");
        var consent = destination["awaiting"]!;
        Assert.Equal("consent", (string?)consent["kind"]);
        Assert.StartsWith("Do you give Ride Hailer permission to access your name", (string?)consent["question"], StringComparison.Ordinal);
        Assert.Equal(
            [
                "Approve (ACCEPTED)", "Deny (DENIED)", "Say nothing (NOT_ANSWERED)", "Cancelled (204)", "Finish in the app (REDIRECT_TO_APP)",
                "Bad request (400)", "Not allowed (403)", "No provider (404)", "Server error (500)",
            ],
            consent["choices"]!.AsArray().Select(choice => (string?)choice!["label"]));
        var waiting = await _host.StateAsync(run);
        Assert.Equal("AwaitingConsent", (string?)waiting["session"]!["step"]);
        Assert.Equal((string?)consent["token"], (string?)waiting["session"]!["pendingConnection"]);

        var quote = await _host.AnswerAsync(run, "accepted");
        var resumed = JsonNode.Parse((string)quote["exchanges"]![0]!["request"]!)!;
        Assert.Equal("SessionResumedRequest", (string?)resumed["request"]!["type"]);
        Assert.Equal((string?)consent["token"], (string?)resumed["request"]!["cause"]!["token"]);
        Assert.Contains(Speech(quote), text => text.Contains("Do you want me to book it?", StringComparison.Ordinal));

        var pin = (await _host.SayAsync(run, "yes"))["awaiting"]!;
        Assert.Equal("pin", (string?)pin["kind"]);
        Assert.Equal(
            [
                "Right PIN (ACHIEVED at 400)", "Right PIN, speaker not confirmed (ACHIEVED at 300)", "PIN confirmation off (NOT_ENABLED)",
                "Locked out (METHOD_LOCKOUT)", "No PIN set up (VERIFICATION_METHOD_NOT_SETUP)", "Wrong PIN (NOT_MATCH)",
                "Bad request (400)", "Not allowed (403)", "No provider (404)", "Server error (500)",
            ],
            pin["choices"]!.AsArray().Select(choice => (string?)choice!["label"]));
        var booked = await _host.AnswerAsync(run, "achieved");
        Assert.Contains(booked["transcript"]!.AsArray(), entry => (string?)entry!["kind"] == "session-ended");
        Assert.False((bool)booked["sessionOpen"]!);

        var state = await _host.StateAsync(run);
        Assert.Equal("Completed", (string?)state["session"]!["runtimeStatus"]);
        Assert.Equal("Booked", (string?)state["session"]!["step"]);
        var booking = Assert.Single(state["bookings"]!.AsArray())!;
        Assert.Equal("Space Needle", (string?)booking["destination"]);
    }

    [Fact]
    public async Task TheLocalePicker_SendsTheLocaleAndHearsTheRiderWithItsModel()
    {
        var run = await _host.StartRunAsync(new { locale = "de-DE" });

        var launch = await _host.SayAsync(run, "öffne ride hailer");

        var request = JsonNode.Parse((string)launch["exchanges"]![0]!["request"]!)!;
        Assert.Equal("de-DE", (string?)request["request"]!["locale"]);
        Assert.Contains(Speech(launch), text => text == "Willkommen bei Ride Hailer. Wohin möchtest du fahren?");
        Assert.Contains("hilfe", (await _host.StateAsync(run))["quickUtterances"]!.AsArray().Select(quick => (string?)quick));
        var (status, body) = await _host.PostRawAsync("console/api/runs", """{"locale":"xx-XX"}""");
        Assert.Equal(400, status);
        Assert.Contains("xx-XX", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InAGermanRun_AmazonAsksInGerman_AndTakesGermanAnswers()
    {
        var run = await _host.StartRunAsync(new { locale = "de-DE" });
        await _host.SayAsync(run, "öffne ride hailer");

        var consent = (await _host.SayAsync(run, "bring mich zur Space Needle"))["awaiting"]!;
        Assert.Equal(
            "Erlaubst du Ride Hailer, auf deinen Namen, deinen aktuellen Standort und deine Handynummer zuzugreifen? Du kannst 'Ich stimme zu' oder 'Nein' sagen.",
            (string?)consent["question"]);
        Assert.Contains(consent["choices"]!.AsArray(), choice => (string?)choice!["riderTurn"] == "You: Ich stimme zu.");
        var (status, body) = await _host.PostRawAsync($"console/api/runs/{run}/say", """{"text":"I approve"}""");
        Assert.Equal(400, status);
        Assert.Contains("say 'Ich stimme zu' or 'Nein'", (string?)JsonNode.Parse(body)!["error"], StringComparison.Ordinal);

        var quote = await _host.SayAsync(run, "Ich stimme zu");
        var resumed = JsonNode.Parse((string)quote["exchanges"]![0]!["request"]!)!;
        Assert.Equal("ACCEPTED", (string?)resumed["request"]!["cause"]!["result"]!["status"]);
        Assert.Contains(Speech(quote), text => text.Contains("Soll ich sie buchen?", StringComparison.Ordinal));

        var pin = (await _host.SayAsync(run, "ja"))["awaiting"]!;
        Assert.Equal("Wie lautet deine Profil-PIN?", (string?)pin["question"]);
        var booked = await _host.SayAsync(run, "eins zwei drei vier");
        var verified = JsonNode.Parse((string)booked["exchanges"]![0]!["request"]!)!;
        Assert.Equal("ACHIEVED", (string?)verified["request"]!["cause"]!["result"]!["status"]);
        Assert.Equal(("alexa", "Wie lautet deine Profil-PIN?"), booked["transcript"]!.AsArray().Select(entry => ((string?)entry!["kind"], (string?)entry["text"])).First());
    }

    [Fact]
    public async Task Say_NotesWhatTheUtteranceResolvedToOrThatItMissed()
    {
        var run = await _host.StartRunAsync();

        var heard = await _host.SayAsync(run, "open ride hailer");
        var missed = await _host.SayAsync(run, "what's the weather like");

        Assert.Contains(Notes(heard), note => note == "heard a launch: LaunchRequest");
        Assert.Contains(Notes(missed), note => note == "matched nothing in the interaction model: AMAZON.FallbackIntent");
    }

    [Fact]
    public async Task StartConnection_ResponseLeavesShouldEndSessionOut()
    {
        var run = await _host.StartRunAsync();
        await _host.SayAsync(run, "open ride hailer");

        var turn = await _host.SayAsync(run, "the space needle");

        var exchange = Assert.Single(turn["exchanges"]!.AsArray())!;
        Assert.Equal(200, (int)exchange["status"]!);
        var response = JsonNode.Parse((string)exchange["response"]!)!["response"]!;
        Assert.Equal("Connections.StartConnection", (string?)response["directives"]![0]!["type"]);
        Assert.Null(response.AsObject()["shouldEndSession"]);
        Assert.False(response.AsObject().ContainsKey("shouldEndSession"));
    }

    [Fact]
    public async Task ConsentDenied_ShowsThePermissionsCardAndBooksNothing()
    {
        var run = await _host.StartRunAsync();
        await _host.SayAsync(run, "open ride hailer");
        await _host.SayAsync(run, "the space needle");

        var denied = await _host.AnswerAsync(run, "denied");

        var card = denied["transcript"]!.AsArray().Single(entry => (string?)entry!["kind"] == "card")!["card"]!;
        Assert.Equal("AskForPermissionsConsent", (string?)card["type"]);
        Assert.Empty((await _host.StateAsync(run))["bookings"]!.AsArray());
    }

    [Fact]
    public async Task PinNotMatchTwice_EndsWithoutBooking()
    {
        var run = await _host.StartRunAsync(new { granted = true });
        await _host.SayAsync(run, "open ride hailer");
        Assert.Null((await _host.SayAsync(run, "the space needle"))["awaiting"]);
        Assert.Equal("pin", (string?)(await _host.SayAsync(run, "yes"))["awaiting"]!["kind"]);

        var retry = await _host.AnswerAsync(run, "not-match");
        Assert.Null(retry["awaiting"]);
        Assert.True((bool)retry["sessionOpen"]!);
        Assert.Equal("pin", (string?)(await _host.SayAsync(run, "yes"))["awaiting"]!["kind"]);
        var second = await _host.AnswerAsync(run, "not-match");

        Assert.False((bool)second["sessionOpen"]!);
        Assert.Empty((await _host.StateAsync(run))["bookings"]!.AsArray());
    }

    [Fact]
    public async Task PinAchievedBelowTheLevelAskedFor_ResumesWithTheSpeakerAtVoiceLevelAndBooksNothing()
    {
        var run = await _host.StartRunAsync(new { granted = true });
        await _host.SayAsync(run, "open ride hailer");
        await _host.SayAsync(run, "the space needle");
        await _host.SayAsync(run, "yes");

        var answered = await _host.AnswerAsync(run, "achieved-below-level");

        var resumed = JsonNode.Parse((string)answered["exchanges"]![0]!["request"]!)!;
        Assert.Equal("ACHIEVED", (string?)resumed["request"]!["cause"]!["result"]!["status"]);
        Assert.Equal(300, (int)resumed["context"]!["System"]!["person"]!["authenticationConfidenceLevel"]!["level"]!);
        Assert.Empty((await _host.StateAsync(run))["bookings"]!.AsArray());
    }

    [Theory]
    [InlineData("bad-request", "400")]
    [InlineData("forbidden", "403")]
    [InlineData("no-provider", "404")]
    [InlineData("error", "500")]
    public async Task ConsentConnectionErrors_SendTheirCodeWithoutAResult(string outcome, string code)
    {
        var run = await _host.StartRunAsync();
        await _host.SayAsync(run, "open ride hailer");
        await _host.SayAsync(run, "the space needle");

        var answered = await _host.AnswerAsync(run, outcome);

        var cause = JsonNode.Parse((string)answered["exchanges"]![0]!["request"]!)!["request"]!["cause"]!;
        Assert.Equal(code, (string?)cause["status"]!["code"]);
        Assert.Null(cause["result"]);
    }

    [Fact]
    public async Task Answer_WhenNothingIsWaiting_Is400WithTheReason()
    {
        var run = await _host.StartRunAsync();

        var (status, body) = await _host.PostRawAsync($"console/api/runs/{run}/answer", """{"outcome":"accepted"}""");

        Assert.Equal(400, status);
        Assert.Contains("not waiting for a connection", (string?)JsonNode.Parse(body)!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_WithAnUnknownOutcome_Is400NamingTheValidOnes()
    {
        var run = await _host.StartRunAsync();
        await _host.SayAsync(run, "open ride hailer");
        await _host.SayAsync(run, "the space needle");

        var (status, body) = await _host.PostRawAsync($"console/api/runs/{run}/answer", """{"outcome":"maybe"}""");

        Assert.Equal(400, status);
        Assert.Contains("accepted, denied, not-answered", (string?)JsonNode.Parse(body)!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_WhileAmazonsSideWaits_SomethingThatIsNoAnswer_Is400SayingWhatIs()
    {
        var run = await _host.StartRunAsync();
        await _host.SayAsync(run, "open ride hailer");
        await _host.SayAsync(run, "the space needle");

        var (status, body) = await _host.PostRawAsync($"console/api/runs/{run}/say", """{"text":"the airport"}""");

        Assert.Equal(400, status);
        Assert.Contains("say 'I approve' or 'no'", (string?)JsonNode.Parse(body)!["error"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I approve", "ACCEPTED")]
    [InlineData("No.", "DENIED")]
    public async Task Say_AtTheConsentQuestion_IsAmazonsAnswer(string said, string status)
    {
        var run = await _host.StartRunAsync();
        await _host.SayAsync(run, "open ride hailer");
        await _host.SayAsync(run, "the space needle");

        var turn = await _host.SayAsync(run, said);

        var resumed = JsonNode.Parse((string)turn["exchanges"]![0]!["request"]!)!;
        Assert.Equal(status, (string?)resumed["request"]!["cause"]!["result"]!["status"]);
    }

    [Theory]
    [InlineData("1234", "ACHIEVED")]
    [InlineData("one two three four", "ACHIEVED")]
    [InlineData("1 2 3 5", "NOT_ACHIEVED")]
    public async Task Say_AtThePinQuestion_IsCheckedAgainstTheSampleRidersPin(string said, string status)
    {
        var run = await _host.StartRunAsync();
        await _host.SayAsync(run, "open ride hailer");
        await _host.SayAsync(run, "the space needle");
        await _host.SayAsync(run, "I approve");
        Assert.Equal("pin", (string?)(await _host.SayAsync(run, "yes"))["awaiting"]!["kind"]);

        var turn = await _host.SayAsync(run, said);

        var resumed = JsonNode.Parse((string)turn["exchanges"]![0]!["request"]!)!;
        Assert.Equal(status, (string?)resumed["request"]!["cause"]!["result"]!["status"]);
        // Alexa's question, then the rider's own words as its answer: no description of an answer they did not give.
        var transcript = turn["transcript"]!.AsArray().Select(entry => ((string?)entry!["kind"], (string?)entry["text"])).ToList();
        Assert.Equal(("alexa", "What's your profile PIN?"), transcript[0]);
        Assert.Equal(("rider", said), transcript[1]);
        Assert.DoesNotContain(transcript, entry => entry.Item1 == "aside");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"text": 42}""")]
    [InlineData("""{"text": ""}""")]
    public async Task Say_WithABodyItCannotUse_Is400WithTheReason(string body)
    {
        var run = await _host.StartRunAsync();

        var (status, answer) = await _host.PostRawAsync($"console/api/runs/{run}/say", body);

        Assert.Equal(400, status);
        Assert.False(string.IsNullOrWhiteSpace((string?)JsonNode.Parse(answer)!["error"]));
    }

    [Fact]
    public async Task UnknownRun_Is404WithTheReason()
    {
        var (status, body) = await _host.PostRawAsync("console/api/runs/nope/say", """{"text":"open ride hailer"}""");

        Assert.Equal(404, status);
        Assert.Contains("reload the page", (string?)JsonNode.Parse(body)!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_IsServedUnderConsole()
    {
        using var page = await _host.Http.GetAsync(new Uri("console/", UriKind.Relative));
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Ride Hailer web console</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var script = await _host.Http.GetAsync(new Uri("console/console.js", UriKind.Relative));
        Assert.True(script.IsSuccessStatusCode);
    }

    [Fact]
    public async Task QuickUtterances_EachResolveToWhatTheStepExpects()
    {
        var resolver = new RideHailer.Simulation.UtteranceResolver(RideHailer.Simulation.InteractionModel.EnUs);
        foreach (var step in Enum.GetValues<RideHailer.Domain.SessionStep>().Cast<RideHailer.Domain.SessionStep?>().Append(null))
        {
            foreach (var said in QuickUtterances.For(step))
            {
                var resolved = resolver.Resolve(said);
                Assert.False(
                    resolved is RideHailer.Simulation.IntentUtterance { IntentName: RideHailer.Simulation.UtteranceResolver.FallbackIntent },
                    $"'{said}' (step {step}) falls back");
            }
        }

        await Task.CompletedTask;
    }

    [Fact]
    public async Task NotDevelopment_RegistersAndMapsNothing()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });

        await builder.AddWebConsoleAsync();

        Assert.DoesNotContain(builder.Services, service => service.ServiceType == typeof(ConsoleRuns));
    }

    [Fact]
    public async Task Disabled_TheHostHasNoConsole()
    {
        // RideHailerApp turns the console off for every other test's host, before the host is built.
        await using var app = new RideHailer.Tests.Support.RideHailerApp();

        Assert.Null(app.Services.GetService(typeof(ConsoleRuns)));
    }

    private static IEnumerable<string> Speech(JsonNode turn) =>
        turn["transcript"]!.AsArray().Where(entry => (string?)entry!["kind"] == "alexa").Select(entry => (string)entry!["text"]!);

    private static IEnumerable<string?> Notes(JsonNode turn) =>
        turn["transcript"]!.AsArray().Where(entry => (string?)entry!["kind"] == "note").Select(entry => (string?)entry!["text"]);
}
