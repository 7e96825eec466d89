using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Simulation;
using RideHailer.Skill.Storage;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.SkillEvents;

/// <summary>
/// <c>AlexaSkillEvent.SkillDisabled</c> forgets the user, before the 200: every booking and key claim of each of its
/// riders (two people on one account here), each session's durable state, and the links; another user keeps theirs.
/// A new session of that user is not told of the earlier ride, and a repeated event is harmless. Run on both backends.
/// </summary>
public abstract class ForgottenUserTests(BackendUnderTest backend)
{
    private const string VerifyPerson = "connection://AMAZON.VerifyPerson/2";

    private static readonly SimulatedRider Jane = RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() };
    private static readonly SimulatedRider John = Jane with { PersonId = "amzn1.ask.person.john" };
    private static readonly SimulatedRider Neighbour = Jane with { UserId = "amzn1.ask.account.neighbour", PersonId = "amzn1.ask.person.neighbour" };

    [Fact]
    public async Task SkillDisabled_DeletesEveryRowAndSessionOfTheUsersRiders_AndNoOneElses()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var sessions = new[] { skill.NewSession(Jane), skill.NewSession(John) };
        foreach (var session in sessions)
        {
            await BookAsync(session);
        }

        var forgotten = (await skill.BookingsAsync()).Select(booking => booking.Passenger.RiderId).Distinct().ToList();
        Assert.Equal(2, forgotten.Count);
        await BookAsync(skill.NewSession(Neighbour));

        // Jane disables the skill in the Alexa app; John, a speaker of her account, is forgotten with her.
        var response = await skill.NewSession(Jane).AlexaAppAsync(alexa => alexa.SkillDisabled());

        Assert.Null(response["response"]!["outputSpeech"]);
        var left = Assert.Single(await skill.BookingsAsync());
        Assert.DoesNotContain(left.Passenger.RiderId, forgotten);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        foreach (var session in sessions)
        {
            Assert.Null(await client.GetInstanceAsync(SessionInstanceId.For(session.SessionId)));
        }

        var userKey = AlexaUserKey.For(Jane.UserId);
        Assert.True((await skill.Services.GetRequiredService<IUserLinks>().FindLinksAsync(userKey, CancellationToken.None)).IsEmpty);
        var rows = await skill.TableRowsAsync();
        Assert.DoesNotContain(rows, row => row.Contains(userKey, StringComparison.Ordinal) || forgotten.Any(rider => row.Contains(rider, StringComparison.Ordinal)));
        Assert.Equal(backend.IsInMemory ? 0 : 5, rows.Count); // the neighbour's booking, its claim, its ride id, its rider and session links
        var logs = string.Join('\n', skill.Recorded.Logs);
        Assert.Contains($"Forgot user {userKey}: 2 riders, 2 bookings deleted, 2 sessions purged", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Jane.UserId, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkillDisabled_ThenANewSession_IsNotToldOfTheEarlierRide()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var booked = skill.NewSession(Jane);
        await BookAsync(booked);

        await booked.AlexaAppAsync(alexa => alexa.SkillDisabled());
        // She enables it again and links the same Ride Hailer account (the new session's rider is linked, and has granted as before).
        await booked.AlexaAppAsync(alexa => alexa.SkillEnabled());
        await booked.AlexaAppAsync(alexa => alexa.SkillAccountLinked());
        var quote = await skill.NewSession(Jane).OrderAsync("the Space Needle");

        Assert.StartsWith("A ride to the Space Needle from your current location will cost ", Speech(quote), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkillDisabled_WhileASessionWaitsOnAConnection_StopsAndPurgesIt()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();

        await alexa.AlexaAppAsync(app => app.SkillDisabled());

        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        Assert.Null(await client.GetInstanceAsync(SessionInstanceId.For(alexa.SessionId)));
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task SkillDisabled_Repeated_IsHarmless()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        await BookAsync(skill.NewSession(Jane));
        var disabled = skill.NewSession(Jane).InAlexaApp(alexa => alexa.SkillDisabled());

        var first = await skill.PostRawAsync(disabled.Bytes());
        disabled["request"]!["requestId"] = "amzn1.echo-api.request.again";
        var again = await skill.PostRawAsync(disabled.Bytes());

        Assert.Equal(200, first.Status);
        Assert.Equal(200, again.Status);
        Assert.Empty(await skill.BookingsAsync());
        Assert.Contains(
            $"User {AlexaUserKey.For(Jane.UserId)} disabled the skill; nothing of theirs is kept", string.Join('\n', skill.Recorded.Logs), StringComparison.Ordinal);
    }

    private static async Task BookAsync(AlexaSession alexa)
    {
        Assert.StartsWith("A ride to the Space Needle", Speech(await alexa.OrderAsync("the Space Needle")), StringComparison.Ordinal);
        AssertStartConnection(await alexa.YesAsync(), VerifyPerson);
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
    }
}

public sealed class ForgottenUsersInMemory() : ForgottenUserTests(BackendUnderTest.InMemory);

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ForgottenUsersOnAzureStorage(AzuriteFixture azurite) : ForgottenUserTests(BackendUnderTest.AzureStorage(azurite));
