using System.Globalization;
using System.Text;
using RideHailer.Simulation;

namespace RideHailer.Bench.Load;

/// <summary>
/// What an idle app costs (--idle S): a fresh host (N instances) on a fresh Azurite answers one launch, settles, then
/// nothing happens for S seconds while the counting proxy counts what the engine polls, priced per month. Then what
/// the engine's backed-off polling costs a rider: one rider plays a few sessions at a rider's pace (--think, 3 s
/// unless given), the first of its turns meeting queues idle for S seconds. The engine's settings come from
/// host.json, overridable per run through the environment the driver passes on
/// (<c>extensions__durableTask__storageProvider__partitionCount=16</c>).
/// </summary>
internal static class IdleReport
{
    private const double SecondsPerMonth = 30 * 24 * 3600;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RiderPace = TimeSpan.FromSeconds(3);
    private const int LoneRiderSessions = 4;

    public static async Task<int> RunAsync(
        IReadOnlyList<TargetKind> targets, BenchOptions options, string repository, HttpClient http, LocalAlexaApi alexaApi, CancellationToken cancellationToken)
    {
        var idle = options.Idle!.Value;
        var text = new StringBuilder();
        var errors = 0;
        text.AppendLine(CultureInfo.InvariantCulture, $"Idle app, storage calls per second over {idle.TotalSeconds:0} s after a {Settle.TotalSeconds:0} s settle (partitionCount {Setting("partitionCount")}, maxQueuePollingInterval {Setting("maxQueuePollingInterval")}):");
        text.AppendLine();
        var pace = options.Think > TimeSpan.Zero ? options.Think : RiderPace;
        text.AppendLine(CultureInfo.InvariantCulture, $"US$ at {StoragePrices.Source}. Then one rider, {LoneRiderSessions} sessions one after another, {pace.TotalSeconds:0.#} s between turns: its first turn after the idle, and its turns after that.");
        text.AppendLine();
        text.AppendLine("| instances | partitionCount | maxQueuePollingInterval | all calls/s | control-queue gets/s | work-item-queue gets/s | blob lease/s | Partitions table/s | other/s | calls per 30-day month | queue / table / blob per month | US$ per 30-day month | first turn after idle ms | later turns p50 / p95 / max ms (turns) | errors |");
        text.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---:|");
        foreach (var target in targets.Where(target => target == TargetKind.AzureStorage))
        {
            foreach (var instances in options.Instances.DefaultIfEmpty(1))
            {
                await using var host = await TargetHost.LaunchAsync(target, repository, options with { CountStorage = true }, http, alexaApi, cancellationToken, instances);
                await Task.Delay(Settle, cancellationToken);
                var before = host.Counter!.Snapshot();
                await Task.Delay(idle, cancellationToken);
                var calls = host.Counter.Snapshot().Since(before);
                double PerSecond(long count) => count / idle.TotalSeconds;
                var named = new[] { StorageCallKind.ControlQueueGet, StorageCallKind.WorkItemQueueGet, StorageCallKind.BlobLease, StorageCallKind.PartitionsTable };
                var other = calls.Total - named.Sum(kind => calls[kind]);
                long Month(StorageService service) => (long)(calls.Counts.Where(pair => pair.Key.Service() == service).Sum(pair => pair.Value) / idle.TotalSeconds * SecondsPerMonth);
                var dollarsPerMonth = StoragePrices.GeneralPurposeV2Lrs.Of(calls) / (decimal)idle.TotalSeconds * (decimal)SecondsPerMonth;
                var rider = await LoneRiderAsync(host.Instances, http, alexaApi, pace, cancellationToken);
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"| {instances} | {Setting("partitionCount")} | {Setting("maxQueuePollingInterval")} | {PerSecond(calls.Total):0.0} | {PerSecond(calls[StorageCallKind.ControlQueueGet]):0.0} | {PerSecond(calls[StorageCallKind.WorkItemQueueGet]):0.0} | {PerSecond(calls[StorageCallKind.BlobLease]):0.00} | {PerSecond(calls[StorageCallKind.PartitionsTable]):0.00} | {PerSecond(other):0.00} | {PerSecond(calls.Total) * SecondsPerMonth:N0} | {Month(StorageService.Queue):N0} / {Month(StorageService.Table):N0} / {Month(StorageService.Blob):N0} | {dollarsPerMonth:0.00} | {rider.First:0} | {rider.Later.P50:0} / {rider.Later.P95:0} / {rider.Later.Max:0} ({rider.Later.Count}) | {rider.Errors} |");
                errors += rider.Errors;
                text.AppendLine(line);
                Console.WriteLine(line);
            }
        }

        if (options.Out is { } file)
        {
            await File.WriteAllTextAsync(file, text.ToString(), cancellationToken);
        }

        Console.WriteLine();
        Console.WriteLine(text);
        return errors == 0 ? 0 : 1;
    }

    /// <summary>One rider's sessions, one after another at a rider's pace: the first turn, the later turns, and sessions answered wrongly.</summary>
    private static async Task<(double First, Percentiles Later, int Errors)> LoneRiderAsync(
        InstanceRing instances, HttpClient http, LocalAlexaApi alexaApi, TimeSpan pace, CancellationToken cancellationToken)
    {
        var turns = new List<double>();
        var errors = 0;
        for (var session = 0; session < LoneRiderSessions; session++)
        {
            if (session > 0)
            {
                await Task.Delay(pace, cancellationToken);
            }

            var conversation = new SeedConversation(http, instances, alexaApi);
            if (await conversation.PlayAsync(turn => turns.Add(turn.Milliseconds), pace, cancellationToken) is not null)
            {
                errors++;
            }
        }

        return turns.Count == 0 ? (double.NaN, Percentiles.Of([]), errors) : (turns[0], Percentiles.Of(turns.Skip(1)), errors);
    }

    /// <summary>The engine setting as this run overrides it through the environment, or "as shipped".</summary>
    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable("extensions__durableTask__storageProvider__" + name) ?? "as shipped";
}
