using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Simulation;
using RideHailer.Skill.Storage;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Speaking;
using Xunit.Abstractions;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.SkillEvents;

/// <summary>
/// <c>AlexaSkillEvent.SkillDisabled</c> forgets the user completely by the time the 200 is sent (the endpoint answers only
/// after the erasure returned, so a check right after the response finds nothing of them): every booking, key claim,
/// ride-id row and event receipt of each of its riders (two people on one account here), each session's and each ride's
/// durable state, the account's and each person's granted scopes, and the links; another user keeps theirs. What stays is
/// the tombstone, the user's hash and an expiry. A turn of the old user id that arrives during the erasure is refused, and
/// a booking already under way is refused or undone by its own activity. Run on both backends: in memory with the
/// in-process store, and DurableTask.AzureStorage with Azure Tables, on Azurite.
/// </summary>
public abstract class ForgottenUserTests(BackendUnderTest backend, ITestOutputHelper output)
{
    private const string VerifyPerson = "connection://AMAZON.VerifyPerson/2";
    private const string SkillDisabled = "AlexaSkillEvent.SkillDisabled";
    private const string SessionOver = "This conversation has ended.";

    private static readonly SimulatedRider Jane = RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() };
    private static readonly SimulatedRider John = Jane with { PersonId = "amzn1.ask.person.john" };
    private static readonly SimulatedRider Jim = Jane with { PersonId = "amzn1.ask.person.jim" };
    private static readonly SimulatedRider Neighbour = Jane with { UserId = "amzn1.ask.account.neighbour", PersonId = "amzn1.ask.person.neighbour" };

    [Fact]
    public async Task SkillDisabled_WhenThe200IsSent_NothingOfTheUserIsLeftOnAnyKindOfRowOrInstance_AndNoOneElsesIsTouched()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var sessions = new[] { skill.NewSession(Jane), skill.NewSession(John) };
        foreach (var session in sessions)
        {
            await BookAsync(session);
        }

        var forgotten = await skill.BookingsAsync();
        Assert.Equal(2, forgotten.Select(booking => booking.Passenger.RiderId).Distinct().Count());
        await BookAsync(skill.NewSession(Neighbour));
        var forgottenKeys = forgotten.Select(booking => booking.IdempotencyKey).ToList();
        var kept = Assert.Single(await skill.BookingsAsync(), booking => !forgottenKeys.Contains(booking.IdempotencyKey));
        var receipts = skill.Services.GetRequiredService<IRideEventReceipts>();
        foreach (var booking in forgotten)
        {
            await receipts.AddAsync(booking.Dispatch.RideId!, "ev-1", booking.Passenger.RiderId, CancellationToken.None);
        }

        await skill.PostAsync(PermissionChanged(Jane));
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        foreach (var booking in forgotten.Append(kept))
        {
            await Signal.UntilAsync(async () => await client.GetInstanceAsync(RideInstanceId.For(booking.IdempotencyKey)) is not null, "each ride runs");
        }

        var response = await skill.PostAsync(SkillEventRequests.Envelope(SkillDisabled, DateTimeOffset.UtcNow, userId: Jane.UserId));

        // Right after the 200, with no wait: the erasure is done when the endpoint answers.
        Assert.Null(response["response"]!["outputSpeech"]);
        var store = skill.Services.GetRequiredService<IBookingStore>();
        foreach (var session in sessions)
        {
            Assert.Null(await client.GetInstanceAsync(SessionInstanceId.For(session.SessionId)));
        }

        foreach (var booking in forgotten)
        {
            Assert.Null(await client.GetInstanceAsync(RideInstanceId.For(booking.IdempotencyKey)));
            Assert.Null(await store.FindAsync(booking.IdempotencyKey, CancellationToken.None));
            Assert.Null(await store.FindByRideIdAsync(booking.Dispatch.RideId!, CancellationToken.None));
            Assert.False(await receipts.HasAsync(booking.Dispatch.RideId!, "ev-1", CancellationToken.None));
        }

        Assert.Equal([kept.IdempotencyKey], (await skill.BookingsAsync()).Select(booking => booking.IdempotencyKey));
        Assert.NotNull(await client.GetInstanceAsync(RideInstanceId.For(kept.IdempotencyKey)));
        var userKey = AlexaUserKey.For(Jane.UserId);
        var links = skill.Services.GetRequiredService<IUserLinks>();
        Assert.True((await links.FindLinksAsync(userKey, CancellationToken.None)).IsEmpty);
        Assert.True(await links.IsForgottenAsync(userKey, CancellationToken.None));
        var scopes = skill.Services.GetRequiredService<IUserScopes>();
        Assert.True((await scopes.FindGrantedScopesAsync(userKey, AlexaUserKey.ForPerson(Jane.PersonId!), CancellationToken.None)).IsEmpty);
        var rows = await skill.TableRowsAsync();
        var riders = forgotten.Select(booking => booking.Passenger.RiderId).ToList();
        Assert.DoesNotContain(rows, row => riders.Any(rider => row.Contains(rider, StringComparison.Ordinal)));
        Assert.All(rows.Where(row => row.Contains(userKey, StringComparison.Ordinal)), AssertTombstone);
        // The neighbour's booking, its claim, its ride id, its rider and session links and its state row; Jane's tombstone.
        Assert.Equal(backend.IsInMemory ? 0 : 6 + 2, rows.Count);
        var logs = string.Join('\n', skill.Recorded.Logs);
        Assert.Contains($"Forgot user {userKey}: 2 riders, 2 bookings deleted, 2 sessions and 2 rides purged", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Jane.UserId, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkillDisabled_ThenTheUserEnablesAgain_TheirNewSessionIsNotToldOfTheEarlierRide_AndTheOldIdIsRefused()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var inFlight = skill.NewSession(Jane);
        await BookAsync(inFlight);

        await skill.PostAsync(SkillEventRequests.Envelope(SkillDisabled, DateTimeOffset.UtcNow, userId: Jane.UserId));

        // Alexa gives a user who enables the skill again a new user id; the linked account, so the rider, is the same.
        var quote = await skill.NewSession(Jane with { UserId = "amzn1.ask.account.jane-enabled-again" }).OrderAsync("the Space Needle");
        Assert.StartsWith("A ride to the Space Needle from your current location will cost ", Speech(quote), StringComparison.Ordinal);
        Assert.StartsWith(SessionOver, Speech(await inFlight.IntentAsync("AMAZON.HelpIntent")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkillDisabled_WhileASessionWaitsOnAConnection_StopsAndPurgesIt()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = await skill.AtThePinAsync();

        await skill.PostAsync(SkillEventRequests.Envelope(SkillDisabled, DateTimeOffset.UtcNow, userId: alexa.Rider.UserId));

        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        Assert.Null(await client.GetInstanceAsync(SessionInstanceId.For(alexa.SessionId)));
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task SkillDisabled_Repeated_IsHarmless()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        await BookAsync(skill.NewSession(Jane));
        var disabled = SkillEventRequests.Envelope(SkillDisabled, DateTimeOffset.UtcNow, userId: Jane.UserId);

        var first = await skill.PostRawAsync(disabled.Bytes());
        disabled["request"]!["requestId"] = "amzn1.echo-api.request.again";
        var again = await skill.PostRawAsync(disabled.Bytes());

        Assert.Equal(200, first.Status);
        Assert.Equal(200, again.Status);
        Assert.Empty(await skill.BookingsAsync());
        Assert.Contains(
            $"User {AlexaUserKey.For(Jane.UserId)} disabled the skill; nothing of theirs is kept", string.Join('\n', skill.Recorded.Logs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurnsArrivingDuringTheErasure_AreRefused_SoNoLinkSessionOrBookingOutlivesIt()
    {
        await using var skill = await StartWithStandInLinksAsync();
        var alexa = await skill.AtThePinAsync();
        var fresh = skill.NewSession(Jane);

        // The erasure is held right after it wrote the tombstone, before it reads what it will delete.
        Links.HoldFindLinks = true;
        var erasure = skill.PostRawAsync(SkillEventRequests.Envelope(SkillDisabled, DateTimeOffset.UtcNow, userId: Jane.UserId).Bytes());
        await Links.HeldAtFindLinks.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The session in flight says its PIN (it would book), and another of the old user id opens: neither reaches a session.
        var pin = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);
        var opened = await fresh.OrderAsync("the Space Needle");
        Links.Release.SetResult();
        var (status, _) = await erasure;

        Assert.Equal(200, status);
        Assert.StartsWith(SessionOver, Speech(pin), StringComparison.Ordinal);
        Assert.StartsWith(SessionOver, Speech(opened), StringComparison.Ordinal);
        Assert.Empty(await skill.BookingsAsync());
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        Assert.Null(await client.GetInstanceAsync(SessionInstanceId.For(alexa.SessionId)));
        Assert.Null(await client.GetInstanceAsync(SessionInstanceId.For(fresh.SessionId)));
        var userKey = AlexaUserKey.For(Jane.UserId);
        Assert.True((await Links.FindLinksAsync(userKey, CancellationToken.None)).IsEmpty);
        Assert.All((await skill.TableRowsAsync()).Where(row => row.Contains(userKey, StringComparison.Ordinal)), AssertTombstone);
        Assert.Equal(backend.IsInMemory ? 0 : 2, (await skill.TableRowsAsync()).Count);
        Assert.Contains("comes from a user who disabled the skill; it is not passed on", string.Join('\n', skill.Recorded.Logs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionLinkedJustBeforeTheTombstoneButStartedAfterTheErasure_IsEndedByTheTurnThatStartedIt()
    {
        await using var skill = await StartWithStandInLinksAsync();
        var fresh = skill.NewSession(Jane);

        // The first turn's link lands, then the turn is held before it starts its session; the whole erasure runs meanwhile,
        // finds the link and no session to end.
        Links.HoldAfterLink = true;
        var opening = fresh.OrderAsync("the Space Needle");
        await Links.HeldAfterLink.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await skill.PostAsync(SkillEventRequests.Envelope(SkillDisabled, DateTimeOffset.UtcNow, userId: Jane.UserId));
        Links.ReleaseLink.SetResult();
        var answer = await opening;

        Assert.StartsWith(SessionOver, Speech(answer), StringComparison.Ordinal);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        Assert.Null(await client.GetInstanceAsync(SessionInstanceId.For(fresh.SessionId)));
        var userKey = AlexaUserKey.For(Jane.UserId);
        Assert.True((await Links.FindLinksAsync(userKey, CancellationToken.None)).IsEmpty);
        Assert.All(await skill.TableRowsAsync(), AssertTombstone);
    }

    [Fact]
    public async Task BookingOfASessionWhoseLinkWasAlreadyRecorded_IsRefusedBeforeTheDriverIsSent_OnceTheUserIsForgotten()
    {
        await using var skill = await StartWithStandInLinksAsync();
        var alexa = await skill.AtThePinAsync();

        // As on another instance that wrote this session's link earlier and remembers it: the turn is not checked there.
        Links.LinksCached = true;
        await Links.MarkForgottenAsync(AlexaUserKey.For(Jane.UserId), DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        var answer = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.Equal(Spoken.Line(Phrase.BookingFailed), Speech(answer));
        Assert.Empty(await skill.BookingsAsync());
        Assert.Contains("refused: user", string.Join('\n', skill.Recorded.Logs), StringComparison.Ordinal);
        Assert.DoesNotContain("Booking stored", string.Join('\n', skill.Recorded.Logs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookingThatLandsAfterTheTombstone_IsForgottenByItsOwnActivity_RideAndRowsAlike()
    {
        await using var skill = await StartWithStandInLinksAsync();
        var alexa = await skill.AtThePinAsync();

        // The tombstone lands between the activity's first check and its booking: the first check still sees none.
        Links.LinksCached = true;
        await Links.MarkForgottenAsync(AlexaUserKey.For(Jane.UserId), DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        Links.NotForgottenOnce = true;
        var answer = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.Equal(Spoken.Line(Phrase.BookingFailed), Speech(answer));
        Assert.Empty(await skill.BookingsAsync());
        var logs = string.Join('\n', skill.Recorded.Logs);
        Assert.Contains("landed while user", logs, StringComparison.Ordinal);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var rides = new List<string>();
        await foreach (var ride in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = RideInstanceId.Prefix }))
        {
            rides.Add(ride.InstanceId);
        }

        Assert.Empty(rides);
        Assert.DoesNotContain(await skill.TableRowsAsync(), row => row.Contains("rider-", StringComparison.Ordinal));
    }

    /// <summary>
    /// A store that fails mid-erasure: the event is answered 503 with a reason (never a 200 with the user half
    /// forgotten, never a 500), and Alexa's redelivery of it, the store back, finishes the erasure.
    /// </summary>
    [Fact]
    public async Task SkillDisabled_WhenTheStoreFailsMidWay_Answers503_AndItsRedeliveryFinishesTheErasure()
    {
        await using var skill = await StartWithStandInLinksAsync();
        await BookAsync(skill.NewSession(Jane));
        var disabled = SkillEventRequests.Envelope(SkillDisabled, DateTimeOffset.UtcNow, userId: Jane.UserId);

        Links.FailForget = true;
        var (failedStatus, failedBody) = await skill.PostRawAsync(System.Text.Encoding.UTF8.GetBytes(disabled.ToJsonString()));
        Links.FailForget = false;
        var redelivered = await skill.PostAsync(disabled);

        Assert.Equal(503, failedStatus);
        Assert.Contains("deliver it again", failedBody, StringComparison.Ordinal);
        Assert.Null(redelivered["response"]!["outputSpeech"]);
        Assert.Empty(await skill.BookingsAsync());
    }

    /// <summary>
    /// How long the erasure of a user with three bookings, each with its ride running, and three sessions takes, from the
    /// event's arrival to the 200: reported, not asserted (a busy machine's timing is no test). BENCHMARKS.md quotes it.
    /// </summary>
    [Fact]
    public async Task Erasure_OfThreeBookingsWithTheirRides_IsTimedAndReported()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        foreach (var rider in (SimulatedRider[])[Jane, John, Jim])
        {
            await BookAsync(skill.NewSession(rider));
        }

        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        foreach (var booking in await skill.BookingsAsync())
        {
            await Signal.UntilAsync(async () => await client.GetInstanceAsync(RideInstanceId.For(booking.IdempotencyKey)) is not null, "each ride runs");
        }

        var disabled = SkillEventRequests.Envelope(SkillDisabled, DateTimeOffset.UtcNow, userId: Jane.UserId);
        var clock = Stopwatch.StartNew();
        await skill.PostAsync(disabled);
        clock.Stop();

        Assert.Empty(await skill.BookingsAsync());
        var slow = skill.Recorded.Logs.Count(line => line.Contains("did not stop within a second", StringComparison.Ordinal) && !line.Contains('=', StringComparison.Ordinal));
        output.WriteLine(
            $"erasure-timing backend={backend} bookings=3 rides=3 sessions=3 ms={clock.Elapsed.TotalMilliseconds:F0} instances-past-stop-wait={slow} load={Environment.ProcessorCount}cpu");
    }

    /// <summary>A tombstone row names the user's hash and holds its expiry, nothing else.</summary>
    private static void AssertTombstone(string row) =>
        Assert.Matches(@"^odata\.etag=\S+ PartitionKey=(user-links-user-[0-9a-f]{24} RowKey=state LinkedId=|forgotten-users RowKey=user-[0-9a-f]{24} LinkedId=user-[0-9a-f]{24})$", row);

    private static JsonObject PermissionChanged(SimulatedRider rider)
    {
        var envelope = SkillEventRequests.Envelope("AlexaSkillEvent.SkillPermissionChanged", DateTimeOffset.UtcNow, userId: rider.UserId);
        envelope["context"]!["System"]!["person"] = new JsonObject { ["personId"] = rider.PersonId, ["accessToken"] = AlexaSession.PersonAccessToken };
        return envelope;
    }

    private StandInLinks? _links;

    /// <summary>The store's user links as the skill reaches them in these tests (<see cref="StandInLinks"/>), once the skill has started.</summary>
    private StandInLinks Links => _links ?? throw new InvalidOperationException("The skill has not resolved its user links yet.");

    /// <summary>A skill whose user links go through <see cref="StandInLinks"/>, so a test can make a race deterministic.</summary>
    private Task<SkillHarness> StartWithStandInLinksAsync() =>
        SkillHarness.StartAsync(backend, configure: services => services.AddSingleton<IUserLinks>(
            provider => _links = new StandInLinks((IUserLinks)provider.GetRequiredService<IBookingStore>())));

    private static async Task BookAsync(AlexaSession alexa)
    {
        Assert.StartsWith("A ride to the Space Needle", Speech(await alexa.OrderAsync("the Space Needle")), StringComparison.Ordinal);
        AssertStartConnection(await alexa.YesAsync(), VerifyPerson);
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
    }

    /// <summary>
    /// The store's user links as the skill reaches them, with three ways to stand in for a race made deterministic: hold the
    /// erasure right after its tombstone, answer a link as another instance that remembers having written it, and miss a
    /// tombstone once, as a check made just before it landed would.
    /// </summary>
    private sealed class StandInLinks(IUserLinks inner) : IUserLinks
    {
        public bool HoldFindLinks { get; set; }

        public bool LinksCached { get; set; }

        public bool NotForgottenOnce { get; set; }

        public TaskCompletionSource HeldAtFindLinks { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool HoldAfterLink { get; set; }

        public TaskCompletionSource HeldAfterLink { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseLink { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<bool> LinkAsync(UserLink link, CancellationToken cancellationToken)
        {
            if (LinksCached)
            {
                return true;
            }

            var linked = await inner.LinkAsync(link, cancellationToken);
            if (HoldAfterLink)
            {
                HoldAfterLink = false;
                HeldAfterLink.SetResult();
                await ReleaseLink.Task.WaitAsync(cancellationToken);
            }

            return linked;
        }

        public async Task<LinkedRecords> FindLinksAsync(string userKey, CancellationToken cancellationToken)
        {
            if (HoldFindLinks)
            {
                HoldFindLinks = false;
                HeldAtFindLinks.SetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            return await inner.FindLinksAsync(userKey, cancellationToken);
        }

        public bool FailForget { get; set; }

        public Task<int> ForgetAsync(LinkedRecords records, CancellationToken cancellationToken) => FailForget
            ? throw new BookingStoreUnavailableException("the store is down (a test's stand-in)", new IOException("down"))
            : inner.ForgetAsync(records, cancellationToken);

        public Task MarkForgottenAsync(string userKey, DateTimeOffset until, CancellationToken cancellationToken) =>
            inner.MarkForgottenAsync(userKey, until, cancellationToken);

        public Task<bool> IsForgottenAsync(string userKey, CancellationToken cancellationToken)
        {
            if (NotForgottenOnce)
            {
                NotForgottenOnce = false;
                return Task.FromResult(false);
            }

            return inner.IsForgottenAsync(userKey, cancellationToken);
        }

        public Task<int> SweepForgottenAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.SweepForgottenAsync(now, cancellationToken);
    }
}

public sealed class ForgottenUsersInMemory(ITestOutputHelper output) : ForgottenUserTests(BackendUnderTest.InMemory, output);

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ForgottenUsersOnAzureStorage(AzuriteFixture azurite, ITestOutputHelper output)
    : ForgottenUserTests(BackendUnderTest.AzureStorage(azurite), output);
