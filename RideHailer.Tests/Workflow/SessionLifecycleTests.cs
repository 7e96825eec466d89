using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Storage;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>Retries, stray resumes, timeouts and failures: nothing books twice, nothing is a 500.</summary>
public abstract class SessionLifecycleTests(BackendUnderTest backend)
{
    [Fact]
    public async Task RepeatedRequestId_GetsTheSameAnswerAndChangesNothing()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();
        var pinToken = alexa.LastToken;

        var again = await alexa.RepeatLastAsync();

        Assert.Equal(pinToken, (string?)again["response"]!["directives"]![0]!["token"]);
        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);
        Assert.StartsWith("Great.", Speech(booked), StringComparison.Ordinal);
        var retried = await alexa.RepeatLastAsync();
        Assert.Equal(Speech(booked), Speech(retried));
        Assert.Single(await skill.BookingsAsync());
    }

    [Fact]
    public async Task EarlierRequestRepeatedAfterALaterOne_GetsItsOwnAnswerAndChangesNothing()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });
        var welcome = await alexa.LaunchAsync();
        var launch = alexa.LastRequest!.DeepClone();
        var quote = await alexa.OrderAsync("the Space Needle");

        // Answered from what the session remembers, at once: before, it waited out the reply timeout ("too long").
        var replayed = await alexa.Post(launch);

        Assert.Equal(Speech(welcome), Speech(replayed));
        Assert.Equal(Speech(quote), Speech(await alexa.RepeatLastAsync()));
        AssertStartConnection(await alexa.YesAsync(), "connection://AMAZON.VerifyPerson/2");
    }

    [Fact]
    public async Task SecondPinResumeAfterBooking_ReSpeaksTheBookingAndBooksNothingMore()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();
        var pinToken = alexa.LastToken;
        await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        var replay = await alexa.PinResultAsync("200", "ACHIEVED", level: 400, token: pinToken);

        Assert.Contains("driver", Speech(replay), StringComparison.Ordinal);
        Assert.Single(await skill.BookingsAsync());
    }

    [Theory]
    [InlineData("pin.not-the-pending-one")]
    [InlineData("consent.forged")]
    [InlineData("something else entirely")]
    public async Task ResumeWithAWrongToken_IsAnsweredGracefullyAndChangesNothing(string token)
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();
        var pending = alexa.LastToken;

        var stray = await alexa.PinResultAsync("200", "ACHIEVED", level: 400, token: token);

        Assert.StartsWith(Spoken.Line(Phrase.NotExpected), Speech(stray), StringComparison.Ordinal);
        Assert.Empty(await skill.BookingsAsync());
        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400, token: pending);
        Assert.StartsWith("Great.", Speech(booked), StringComparison.Ordinal);
        Assert.Single(await skill.BookingsAsync());
    }

    [Fact]
    public async Task StaleConsentToken_AfterTheQuote_ChangesNothing()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession();
        await alexa.OrderAsync("the Space Needle");
        var consentToken = alexa.LastToken;
        await alexa.ConsentResultAsync("200", "ACCEPTED");

        var stale = await alexa.ConsentResultAsync("200", "DENIED", token: consentToken);

        Assert.StartsWith(Spoken.Line(Phrase.NotExpected), Speech(stale), StringComparison.Ordinal);
        Assert.False((bool)stale["response"]!["shouldEndSession"]!);
        Assert.StartsWith("Great.", Speech(await ThenBookAsync(alexa)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionEndedMidFlow_EndsTheOrchestrationWithoutBooking()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();

        var ended = await alexa.SessionEndedAsync();

        Assert.Equal("""{"version":"1.0","response":{}}""", ended.ToJsonString());
        var instance = await WaitForCompletionAsync(skill, alexa.SessionId);
        Assert.Equal(SessionStep.Ended, instance.ReadOutputAs<SessionOutcome>()!.State.Step);
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task IdleSession_EndsItselfAfterTheIdleTimeout()
    {
        await using var skill = await SkillHarness.StartAsync(backend, new() { ["Session:IdleTimeout"] = "00:00:01" });
        var alexa = skill.NewSession();
        await alexa.LaunchAsync();

        var instance = await WaitForCompletionAsync(skill, alexa.SessionId);

        Assert.Equal(SessionStep.Ended, instance.ReadOutputAs<SessionOutcome>()!.State.Step);
    }

    [Fact]
    public async Task TurnsSpacedUnderTheIdleTimeout_KeepTheSessionOpenPastIt()
    {
        // Seven seconds of slack between each gap and the timeout: on a busy 2-core CI machine one and then two seconds
        // were not enough (a turn's own wait comes out of the slack).
        await using var skill = await SkillHarness.StartAsync(backend, new() { ["Session:IdleTimeout"] = "00:00:10" });
        var alexa = skill.NewSession();
        await alexa.LaunchAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await alexa.IntentAsync("AMAZON.HelpIntent");
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Six seconds after the launch, three after the last turn: still open, and still answering.
        Assert.StartsWith("Ride Hailer books a ride for you.", Speech(await alexa.IntentAsync("AMAZON.HelpIntent")), StringComparison.Ordinal);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var open = await client.GetInstanceAsync(SessionInstanceId.For(alexa.SessionId));
        Assert.Equal(OrchestrationRuntimeStatus.Running, open!.RuntimeStatus);

        var instance = await WaitForCompletionAsync(skill, alexa.SessionId);
        Assert.Equal(SessionStep.Ended, instance.ReadOutputAs<SessionOutcome>()!.State.Step);
    }

    [Fact]
    public async Task LongSession_ContinuesAsNewAndCarriesOnWhereItWas()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });
        await alexa.LaunchAsync();
        // More turns than one generation holds, so the session must continue as new to finish.
        for (var turn = 0; turn < SessionOrchestration.TurnsPerGeneration + 4; turn++)
        {
            Assert.StartsWith("Ride Hailer books a ride for you.", Speech(await alexa.IntentAsync("AMAZON.HelpIntent")), StringComparison.Ordinal);
        }

        await alexa.OrderAsync("the Space Needle");
        await alexa.YesAsync();
        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.StartsWith("Great.", Speech(booked), StringComparison.Ordinal);
        var instance = await skill.Services.GetRequiredService<DurableTaskClient>()
            .GetInstanceAsync(SessionInstanceId.For(alexa.SessionId), getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
        // The generation that finished was started by ContinueAsNew, not by the first turn: it was handed the state
        // and the published replies of the one before, and no first turn.
        var lastGeneration = instance.ReadInputAs<SessionInput>()!;
        Assert.Null(lastGeneration.FirstTurn);
        Assert.NotNull(lastGeneration.State);
        Assert.NotNull(lastGeneration.LastStatus);
        Assert.Single(await skill.BookingsAsync());
    }

    [Fact]
    public async Task UnlinkedAccount_GetsTheLinkAccountCardBeforeAnyConsent()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { Linked = false, PersonLinked = false });

        var response = await alexa.OrderAsync("the Space Needle");

        Assert.Equal(Spoken.Line(Phrase.LinkAccount), Speech(response));
        Assert.Equal("LinkAccount", (string?)response["response"]!["card"]!["type"]);
        Assert.Null(response["response"]!["directives"]);
        Assert.Empty(skill.Api.Requests);
    }

    [Fact]
    public async Task UnknownDestination_IsNamedAndAskedAgain()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession();

        var response = await alexa.OrderAsync("Atlantis");

        Assert.Equal("I couldn't find Atlantis. Where would you like to go?", Speech(response));
        Assert.False((bool)response["response"]!["shouldEndSession"]!);
        Assert.NotNull(response["response"]!["reprompt"]);
    }

    [Fact]
    public async Task ResolvedSlotId_WinsOverTheWords()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });

        var quote = await alexa.OrderAsync("the big airport", resolvedId: "seattle-tacoma-international-airport");

        Assert.Contains("Seattle-Tacoma International Airport", Speech(quote), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RideProviderDown_ApologisesAndBooksNothing()
    {
        var provider = new Mock<IRideProvider>();
        provider.Setup(p => p.QuoteAsync(It.IsAny<Pickup>(), It.IsAny<Place>(), It.IsAny<RideType>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RideUnavailableException("no cars"));
        await using var skill = await SkillHarness.StartAsync(backend, configure: services => services.AddSingleton(provider.Object));
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });

        var response = await alexa.OrderAsync("the Space Needle");

        Assert.StartsWith("Sorry", Speech(response), StringComparison.Ordinal);
        Assert.True((bool)response["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task BookingStoreFailing_ApologisesAndNeverBooksTwice()
    {
        var store = new Mock<IBookingStore>();
        store.Setup(s => s.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((Booking?)null);
        store.Setup(s => s.BookOnceAsync(It.IsAny<BookingRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("conflict"));
        store.As<IUserLinks>().Setup(s => s.LinkAsync(It.IsAny<UserLink>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        store.As<IUserScopes>().Setup(s => s.FindGrantedScopesAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReportedGrants.None);
        await using var skill = await SkillHarness.StartAsync(backend, configure: services => services.AddSingleton(store.Object));
        var alexa = await skill.AtThePinAsync();

        var response = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);
        var again = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.Equal(Spoken.Line(Phrase.BookingFailed), Speech(response));
        Assert.True((bool)response["response"]!["shouldEndSession"]!);
        Assert.DoesNotContain("Great", Speech(again), StringComparison.Ordinal);
        // The activity retries once (at-least-once semantics); the session never commands a second booking.
        store.Verify(s => s.BookOnceAsync(It.IsAny<BookingRequest>(), It.IsAny<CancellationToken>()), Times.Between(1, 2, Moq.Range.Inclusive));
    }

    [Fact]
    public async Task SlowTurn_AnswersTooSlowWithinTheBudgetAndKeepsTheSessionOpen()
    {
        var provider = new Mock<IRideProvider>();
        provider.Setup(p => p.QuoteAsync(It.IsAny<Pickup>(), It.IsAny<Place>(), It.IsAny<RideType>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
                throw new RideUnavailableException("slow");
            });
        await using var skill = await SkillHarness.StartAsync(
            backend,
            new() { ["Session:ReplyTimeout"] = "00:00:00.500" },
            services => services.AddSingleton(provider.Object));
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });

        var response = await alexa.OrderAsync("the Space Needle");

        Assert.Equal(Spoken.Line(Phrase.TooSlow), Speech(response));
        Assert.False((bool)response["response"]!["shouldEndSession"]!);
    }

    [Fact]
    public async Task UnreachableDurableBackend_IsASpokenApologyNotA500()
    {
        var durable = new Mock<DurableTaskClient>("broken");
        durable.Setup(d => d.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("backend down"));
        await using var skill = await SkillHarness.StartAsync(backend, configure: services => services.AddSingleton(durable.Object));
        var alexa = skill.NewSession();

        var response = await alexa.LaunchAsync();

        Assert.Equal(Spoken.Line(Phrase.Failed), Speech(response));
    }

    [Fact]
    public async Task WholeSession_KeepsEveryCredentialOutOfDurableStateAndLogs()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession();
        await alexa.LaunchAsync();
        await alexa.OrderAsync("the Space Needle");
        await alexa.ConsentResultAsync("200", "ACCEPTED");
        await alexa.YesAsync();
        await alexa.PinResultAsync("200", "ACHIEVED", level: 400);
        Assert.Single(await skill.BookingsAsync());

        Assert.NotEmpty(skill.Recorded.Payloads);
        Assert.NotEmpty(skill.Recorded.Logs);
        // Scopes are recorded too (the engine's and the host's): what they carry is checked like any message.
        Assert.Contains(skill.Recorded.Logs, line => line.Contains(": scope ", StringComparison.Ordinal));
        string[] secrets = [AlexaSession.ApiAccessToken, AlexaSession.LinkedAccountToken, AlexaSession.PersonAccessToken, AlexaSession.ConsentToken];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(skill.Recorded.Payloads, payload => payload.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(skill.Recorded.Logs, line => line.Contains(secret, StringComparison.Ordinal));
        }

        string[] personal = ["Jane", "2065550142", "400 Broad St"];
        foreach (var value in personal)
        {
            Assert.DoesNotContain(skill.Recorded.Logs, line => line.Contains(value, StringComparison.Ordinal));
        }
    }

    private static async Task<JsonNode> ThenBookAsync(AlexaSession alexa)
    {
        await alexa.YesAsync();
        return await alexa.PinResultAsync("200", "ACHIEVED", level: 400);
    }

    private static async Task<OrchestrationMetadata> WaitForCompletionAsync(SkillHarness skill, string sessionId)
    {
        var durable = skill.Services.GetRequiredService<DurableTaskClient>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await durable.WaitForInstanceCompletionAsync(SessionInstanceId.For(sessionId), getInputsAndOutputs: true, timeout.Token);
    }
}
