using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// The task hub forgets finished sessions: after <c>Session:Retention</c> the durable state that held the rider's
/// name, number and pickup is purged by the host's own purge, and a late request hears the conversation has ended.
/// </summary>
public abstract class RetentionTests(BackendUnderTest backend)
{
    private static readonly TimeSpan Retention = TimeSpan.FromSeconds(2);

    protected BackendUnderTest Backend => backend;

    [Fact]
    public async Task FinishedSession_IsPurgedAfterTheRetention_AndALateRequestStartsNothing()
    {
        await using var skill = await SkillHarness.StartAsync(backend, new() { ["Session:Retention"] = "00:00:02" });
        var alexa = await BookedFromTheAddressAsync(skill);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = SessionInstanceId.For(alexa.SessionId);

        await WaitUntilAsync(async () => await client.GetInstanceAsync(instanceId) is null, Retention + TimeSpan.FromSeconds(30));

        var late = await alexa.YesAsync();
        Assert.Equal("This conversation has ended. To book a ride, say: Alexa, open Ride Hailer.", Speech(late));
        Assert.Null(await client.GetInstanceAsync(instanceId));
        Assert.Single(await skill.BookingsAsync());
    }

    [Fact]
    public async Task RunningSession_IsNeverPurged()
    {
        await using var skill = await SkillHarness.StartAsync(backend, new() { ["Session:Retention"] = "00:00:01" });
        var alexa = await skill.AtThePinAsync();
        var client = skill.Services.GetRequiredService<DurableTaskClient>();

        // The host's purge, run on a clock a day ahead: the session is long past the retention, and still running.
        var dayLater = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromDays(1));
        var purge = new FinishedSessionPurge(
            skill.Services.GetRequiredService<IOptions<SessionOptions>>(), dayLater, NullLogger<FinishedSessionPurge>.Instance);
        await purge.PurgeAsync(client, CancellationToken.None);

        Assert.NotNull(await client.GetInstanceAsync(SessionInstanceId.For(alexa.SessionId)));
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TombstoneOfAForgottenUser_IsSweptByTheHostsPurge_OnceItExpires()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var userId = RiderSetup.Default.UserId;
        await skill.PostAsync(SkillEventRequests.Envelope("AlexaSkillEvent.SkillDisabled", DateTimeOffset.UtcNow, userId: userId));
        var links = skill.Services.GetRequiredService<RideHailer.Skill.Storage.IUserLinks>();
        var userKey = RideHailer.Skill.Storage.AlexaUserKey.For(userId);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        FinishedSessionPurge PurgeAt(TimeSpan later) => new(
            skill.Services.GetRequiredService<IOptions<SessionOptions>>(),
            new FakeTimeProvider(DateTimeOffset.UtcNow + later),
            NullLogger<FinishedSessionPurge>.Instance,
            links);

        await PurgeAt(RideHailer.Skill.SkillEvents.UserEraser.TombstoneLifetime - TimeSpan.FromMinutes(1)).PurgeAsync(client, CancellationToken.None);
        Assert.True(await links.IsForgottenAsync(userKey, CancellationToken.None));

        await PurgeAt(RideHailer.Skill.SkillEvents.UserEraser.TombstoneLifetime + TimeSpan.FromMinutes(1)).PurgeAsync(client, CancellationToken.None);
        Assert.False(await links.IsForgottenAsync(userKey, CancellationToken.None));
        Assert.Empty(await skill.TableRowsAsync());
    }

    private protected static async Task<AlexaSession> BookedFromTheAddressAsync(SkillHarness skill)
    {
        var alexa = skill.NewSession(RiderSetup.Default with { Geolocation = false, GrantedEarlier = RiderSetup.AllScopes(geolocation: false) });
        Assert.Contains("from your address", Speech(await alexa.OrderAsync("the Space Needle")), StringComparison.Ordinal);
        await alexa.YesAsync();
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
        return alexa;
    }

    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"not so within {timeout}");
            await Task.Delay(250);
        }
    }
}

public sealed class RetentionInMemory() : RetentionTests(BackendUnderTest.InMemory);

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class RetentionOnAzureStorage(AzuriteFixture azurite) : RetentionTests(BackendUnderTest.AzureStorage(azurite))
{
    private static readonly string[] RiderData = ["Jane", "2065550142", "400 Broad St"];

    [Fact]
    public async Task AfterTheRetention_NoTableQueueOrBlobOfTheTaskHubHoldsTheRidersData()
    {
        await using var skill = await SkillHarness.StartAsync(Backend, new() { ["Session:Retention"] = "00:00:02" });
        var alexa = await BookedFromTheAddressAsync(skill);
        Assert.NotEmpty(await TaskHubTextsWithRiderDataAsync(skill.Hub));

        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        await WaitUntilAsync(async () => await client.GetInstanceAsync(SessionInstanceId.For(alexa.SessionId)) is null, TimeSpan.FromSeconds(40));

        Assert.Empty(await TaskHubTextsWithRiderDataAsync(skill.Hub));
        // The booking keeps what it needs: that is the bookings table's job, not the task hub's.
        Assert.Equal("Jane", Assert.Single(await skill.BookingsAsync()).Passenger.GivenName);
    }

    /// <summary>Where in the task hub's tables, queues and blobs the rider's name, number or address is written.</summary>
    private async Task<List<string>> TaskHubTextsWithRiderDataAsync(string hub)
    {
        var found = new List<string>();
        void Check(string where, string text)
        {
            if (RiderData.Any(data => text.Contains(data, StringComparison.Ordinal)))
            {
                found.Add(where);
            }
        }

        var tables = new TableServiceClient(azurite.ConnectionString);
        await foreach (var table in tables.QueryAsync(item => true))
        {
            if (!table.Name.StartsWith(hub, StringComparison.OrdinalIgnoreCase) || table.Name.EndsWith("Bookings", StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                Check($"table {table.Name}", string.Join("|", row.Select(pair => pair.Value?.ToString())));
            }
        }

        var queues = new QueueServiceClient(azurite.ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: hub.ToLowerInvariant()))
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                Check($"queue {queue.Name}", message.Body.ToString());
            }
        }

        var blobs = new BlobServiceClient(azurite.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: hub.ToLowerInvariant()))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = await client.GetBlobClient(blob.Name).DownloadContentAsync();
                Check($"blob {container.Name}/{blob.Name}", Encoding.UTF8.GetString(content.Value.Content.ToArray()));
            }
        }

        return found;
    }
}
