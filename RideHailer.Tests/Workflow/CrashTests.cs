using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using RideHailer.Simulation;
using RideHailer.Tests.Support;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// A host that dies mid-booking on DurableTask.AzureStorage: the message it had dequeued stays invisible for the
/// queue's visibility timeout. With host.json's 30 s (not the engine's 5 minutes) the rider's resent request is
/// answered within a minute of the restart, and the ride is booked exactly once.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class CrashTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan AnsweredWithin = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task KilledWhileBookRideIsStoringTheBooking_TheResentResumeIsAnsweredWithinAMinute_BookedOnce()
    {
        var hub = "crash" + Guid.NewGuid().ToString("N")[..12];
        await using var api = await LocalAlexaApi.StartAsync();
        await using var tables = await HoldingProxy.StartAsync(azurite.TableEndpoint);
        var settings = new Dictionary<string, string>
        {
            ["Durable:Backend"] = "AzureStorage",
            ["Durable:Storage"] = azurite.ConnectionString,
            ["extensions:durableTask:hubName"] = hub,
            ["ConnectionStrings:Tables"] =
                $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};TableEndpoint={tables.Endpoint};",
            ["Tables:BookingsTable"] = hub + "Bookings",
            ["Alexa:AllowedApiEndpoints:0"] = api.Endpoint.ToString().TrimEnd('/'),
        };

        var first = await DevHostProcess.StartAsync(settings);
        var alexa = new AlexaSession(first.PostAsync, api, RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });
        await alexa.OrderAsync("the Space Needle");
        AssertStartConnection(await alexa.YesAsync(), "connection://AMAZON.VerifyPerson/2");

        tables.HoldAll();
        var lost = alexa.PinResultAsync("200", "ACHIEVED", level: 400);
        await tables.Held.WaitAsync(TimeSpan.FromSeconds(30));
        await first.KillAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => lost);
        var pinResume = alexa.LastRequest!;
        await tables.DisposeAsync();

        settings["ConnectionStrings:Tables"] = azurite.ConnectionString;
        await using var second = await DevHostProcess.StartAsync(settings);
        var clock = Stopwatch.StartNew();
        JsonNode answer;
        do
        {
            // The rider hears "that took too long" and Alexa resends the same request until the session answers it.
            answer = await second.PostAsync(pinResume.DeepClone());
        }
        while (Speech(answer).StartsWith("Sorry, that took too long", StringComparison.Ordinal) && clock.Elapsed < AnsweredWithin + TimeSpan.FromMinutes(1));

        Assert.True(clock.Elapsed < AnsweredWithin, $"answered after {clock.Elapsed}; host output:{Environment.NewLine}{second.Output}");
        Assert.StartsWith("Great. Your driver will arrive in ", Speech(answer), StringComparison.Ordinal);
        Assert.Equal(1, await BookingRowsAsync(hub));
    }

    private async Task<int> BookingRowsAsync(string hub)
    {
        var table = new TableClient(azurite.ConnectionString, hub + "Bookings");
        var rows = 0;
        // Booking rows only: the key claims and the user's links live in partitions of their own.
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            rows += row.PartitionKey.StartsWith("rider-", StringComparison.Ordinal) ? 1 : 0;
        }

        return rows;
    }
}
