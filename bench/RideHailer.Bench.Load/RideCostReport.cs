using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using RideHailer.Simulation;

namespace RideHailer.Bench.Load;

/// <summary>
/// What a ride costs in storage transactions (--ride-cost N): on a fresh AzureStorage DevHost and Azurite, N riders
/// each book the built-in fleet's shortest ride (<see cref="Trip.ShortestRide"/>: completed 3 minutes after the
/// booking), <see cref="Stagger"/> apart so that their timers do not fire together. The counting proxy tells each
/// ride's calls apart (<see cref="RideLedger"/>); the driver watches the bookings table and the task hub directly (not
/// counted) and takes each ride's count when it is completed (its row says so, and its orchestration has set the
/// retention timer after it) and when its orchestration has been purged. The ride's orchestration keeps its state
/// <c>Ride:Retention</c> after the ride ended and the purge runs every <c>Session:Retention</c> (at most every
/// minute): the run sets them to <see cref="Retention"/> and <see cref="PurgeEvery"/>, which changes when those
/// calls come, not how many there are. Durable timers cost the same calls whatever their length (minutes, not days).
/// </summary>
internal static class RideCostReport
{
    private static readonly TimeSpan Stagger = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Retention = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromSeconds(30);

    /// <summary>After the row says completed, the orchestration records it and sets its retention timer: well within this.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    /// <summary>A ride of 3 minutes, its retention and a purge: anything past this is a failure.</summary>
    private static readonly TimeSpan RideLimit = TimeSpan.FromMinutes(8);

    private static readonly StorageCallKind[] Shown =
    [
        StorageCallKind.InstancesRead, StorageCallKind.InstancesWrite, StorageCallKind.HistoryRead, StorageCallKind.HistoryWrite,
        StorageCallKind.QueuePut, StorageCallKind.ControlQueueGet, StorageCallKind.WorkItemQueueGet, StorageCallKind.QueueDelete,
        StorageCallKind.QueueUpdate, StorageCallKind.BookingsTable,
    ];

    public static async Task<int> RunAsync(
        int rides, BenchOptions options, string repository, HttpClient http, LocalAlexaApi alexaApi, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>
        {
            ["Ride__Retention"] = Retention.ToString("c", CultureInfo.InvariantCulture),
            ["Session__Retention"] = PurgeEvery.ToString("c", CultureInfo.InvariantCulture),
        };
        await using var host = await TargetHost.LaunchAsync(
            TargetKind.AzureStorage, repository, options with { CountStorage = true }, http, alexaApi, cancellationToken, settings: settings);
        var ledger = new RideLedger();
        host.Counter!.Rides = ledger;
        var bookings = new TableClient(host.StorageConnectionString, "Bookings");
        var instances = new TableClient(host.StorageConnectionString, "RideHailerInstances");
        var before = host.Counter.Snapshot();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"{rides} rides on the built-in fleet ({Trip.ShortestRide.SpokenName} from the Seattle depot), booked {Stagger.TotalSeconds:0} s apart; Ride:Retention {Retention.TotalSeconds:0} s, purge every {PurgeEvery.TotalSeconds:0} s");
        var results = await Task.WhenAll(Enumerable.Range(0, rides).Select(async index =>
        {
            await Task.Delay(Stagger * index, cancellationToken);
            return await RideAsync(index + 1, http, host, alexaApi, ledger, bookings, instances, cancellationToken);
        }));
        var elapsed = clock.Elapsed;
        var all = host.Counter.Snapshot().Since(before);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet bench/RideHailer.Bench.Load/bin/{options.Configuration}/net10.0/RideHailer.Bench.Load.dll {string.Join(' ', args)}`");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Storage calls of each ride's orchestration, its messages and its progress rows, from the booking turn (the ride's start is part of it) to `completed`, then to its end (the retention timer, the orchestration's completion, its purge); US$ at {StoragePrices.Source}:");
        text.AppendLine();
        text.AppendLine("| ride | part | booked → completed | " + string.Join(" | ", Shown.Select(kind => kind.Label())) + " | other | all calls | US$ per million rides |");
        text.AppendLine("|---|---|---:|" + string.Concat(Shown.Select(_ => "---:|")) + "---:|---:|---:|");
        var failures = 0;
        foreach (var ride in results)
        {
            if (ride.Failure is not null)
            {
                failures++;
                Console.Error.WriteLine($"  ride {ride.Number}: {ride.Failure}");
                continue;
            }

            var took = ride.BookedToCompleted is { } span ? $"{(int)span.TotalMinutes}:{span.Seconds:00}" : "";
            text.AppendLine(Row($"{ride.Number}", "booking → completed", took, ride.ToCompleted!));
            text.AppendLine(Row($"{ride.Number}", "completed → purged", "", ride.ToPurged!.Since(ride.ToCompleted!)));
            text.AppendLine(Row($"{ride.Number}", "**whole ride**", "", ride.ToPurged!));
        }

        var done = results.Where(ride => ride.Failure is null).ToList();
        if (done.Count > 1)
        {
            text.AppendLine(Row("mean", "**whole ride**", "", Mean(done.Select(ride => ride.ToPurged!).ToList()), done.Count));
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Meanwhile the host made {all.Total:N0} storage calls in {elapsed.TotalMinutes:0.0} minutes ({all.Total / elapsed.TotalSeconds:0.0}/s, US${StoragePrices.GeneralPurposeV2Lrs.Of(all):0.0000}), the sessions' and the idle polling included; the rides' share: {done.Sum(ride => ride.ToPurged!.Total):N0}.");
        var report = text.ToString();
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.Out is { } file)
        {
            await File.WriteAllTextAsync(file, report, cancellationToken);
        }

        Console.WriteLine(failures == 0 ? $"bench: {rides} rides booked, completed and purged" : $"bench: {failures} of {rides} rides failed");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<RideCost> RideAsync(
        int number, HttpClient http, TargetHost host, LocalAlexaApi alexaApi, RideLedger ledger, TableClient bookings, TableClient instances,
        CancellationToken cancellationToken)
    {
        var conversation = new SeedConversation(http, host.Instances, alexaApi, trip: Trip.ShortestRide);
        if (await conversation.PlayAsync(_ => { }, TimeSpan.Zero, cancellationToken) is { } wrong)
        {
            return new RideCost(number) { Failure = "booking: " + wrong };
        }

        var person = conversation.Rider.PersonId!.Replace("'", "''", StringComparison.Ordinal);
        var deadline = DateTime.UtcNow + RideLimit;
        string? key = null;
        DateTimeOffset bookedAt = default;
        while (DateTime.UtcNow < deadline)
        {
            TableEntity? row = null;
            await foreach (var entity in bookings.QueryAsync<TableEntity>(
                               $"PartitionKey ge 'rider-' and PartitionKey lt 'rider.' and PersonId eq '{person}'", cancellationToken: cancellationToken))
            {
                row = entity;
            }

            if (row is not null)
            {
                (key, bookedAt) = (row.RowKey, row.GetDateTimeOffset("BookedAt") ?? default);
                if (row.GetString("RideStatus") == "completed")
                {
                    break;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        if (key is null || DateTime.UtcNow >= deadline)
        {
            return new RideCost(number) { Failure = key is null ? "no booking stored" : $"ride {key} not completed within {RideLimit.TotalMinutes:0} minutes" };
        }

        var completed = DateTimeOffset.UtcNow - bookedAt;
        Console.WriteLine($"  ride {number}: completed {(int)completed.TotalMinutes}:{completed.Seconds:00} after its booking");
        await Task.Delay(Settle, cancellationToken);
        var toCompleted = ledger.Of(key);
        while (DateTime.UtcNow < deadline)
        {
            var left = false;
            await foreach (var _ in instances.QueryAsync<TableEntity>($"PartitionKey eq 'trip-{key}'", select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                left = true;
            }

            if (!left)
            {
                // The purge deletes the history and the instance row; its last calls land within moments.
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                Console.WriteLine($"  ride {number}: purged {(DateTimeOffset.UtcNow - bookedAt).TotalMinutes:0.0} minutes after its booking");
                return new RideCost(number) { BookedToCompleted = completed, ToCompleted = toCompleted, ToPurged = ledger.Of(key) };
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return new RideCost(number) { Failure = $"ride {key} not purged within {RideLimit.TotalMinutes:0} minutes of its booking" };
    }

    private static string Row(string ride, string part, string took, StorageCalls calls, int of = 1)
    {
        var other = calls.Total - Shown.Sum(kind => calls[kind]);
        string Count(long count) => of == 1 ? count.ToString(CultureInfo.InvariantCulture) : (count / (double)of).ToString("0.0", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {ride} | {part} | {took} | {string.Join(" | ", Shown.Select(kind => Count(calls[kind])))} | {Count(other)} | {Count(calls.Total)} | {StoragePrices.GeneralPurposeV2Lrs.Of(calls) / of * 1_000_000m:0.00} |");
    }

    /// <summary>The rides' calls summed (shown divided by their number).</summary>
    private static StorageCalls Mean(IReadOnlyList<StorageCalls> rides) =>
        new(Enum.GetValues<StorageCallKind>().ToDictionary(kind => kind, kind => rides.Sum(ride => ride[kind])));

    private sealed record RideCost(int Number)
    {
        public string? Failure { get; init; }

        public TimeSpan? BookedToCompleted { get; init; }

        public StorageCalls? ToCompleted { get; init; }

        public StorageCalls? ToPurged { get; init; }
    }
}
