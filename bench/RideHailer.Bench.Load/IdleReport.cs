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

    /// <summary>The lone rider's sessions per instance: scaled out, half its turns reach an instance that does not run the session.</summary>
    private const int LoneRiderSessionsPerInstance = 3;

    public static async Task<int> RunAsync(
        IReadOnlyList<TargetKind> targets, BenchOptions options, string repository, HttpClient http, LocalAlexaApi alexaApi, CancellationToken cancellationToken)
    {
        var idle = options.Idle!.Value;
        var text = new StringBuilder();
        var errors = 0;
        text.AppendLine(CultureInfo.InvariantCulture, $"Idle app, storage calls per second over {idle.TotalSeconds:0} s after a {Settle.TotalSeconds:0} s settle (partitionCount {Setting("partitionCount")}, maxQueuePollingInterval {Setting("maxQueuePollingInterval")}):");
        text.AppendLine();
        var pace = options.Think > TimeSpan.Zero ? options.Think : RiderPace;
        text.AppendLine(CultureInfo.InvariantCulture, $"US$ at {StoragePrices.Source}. Then one rider, {LoneRiderSessionsPerInstance} sessions per instance one after another, {pace.TotalSeconds:0.#} s between turns: its first turn after the idle, and its later turns (later launches left out) by whether they reached the instance running the session (owner) or another one (other: the turn's event is queued by an instance whose enqueue does not wake the owner's backed-off poller).");
        text.AppendLine();
        text.AppendLine("| instances | partitionCount | maxQueuePollingInterval | all calls/s | control-queue gets/s | work-item-queue gets/s | blob lease/s | Partitions table/s | other/s | calls per 30-day month | queue / table / blob per month | US$ per 30-day month | first turn after idle ms | owner turns p50 / p95 / max ms (turns) | other turns p50 / p95 / max ms (turns) | errors |");
        text.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---|---:|");
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
                var rider = await LoneRiderAsync(host, instances * LoneRiderSessionsPerInstance, http, alexaApi, pace, cancellationToken);
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"| {instances} | {Setting("partitionCount")} | {Setting("maxQueuePollingInterval")} | {PerSecond(calls.Total):0.0} | {PerSecond(calls[StorageCallKind.ControlQueueGet]):0.0} | {PerSecond(calls[StorageCallKind.WorkItemQueueGet]):0.0} | {PerSecond(calls[StorageCallKind.BlobLease]):0.00} | {PerSecond(calls[StorageCallKind.PartitionsTable]):0.00} | {PerSecond(other):0.00} | {PerSecond(calls.Total) * SecondsPerMonth:N0} | {Month(StorageService.Queue):N0} / {Month(StorageService.Table):N0} / {Month(StorageService.Blob):N0} | {dollarsPerMonth:0.00} | {rider.First:0} | {Split(rider.Later.Of(TurnRole.Owner))} | {Split(rider.Later.Of(TurnRole.Other))} | {rider.Errors} |");
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

    /// <summary>One rider's sessions, one after another at a rider's pace: the first turn, the later turns by role, and sessions answered wrongly.</summary>
    private static async Task<(double First, LatencySamples Later, int Errors)> LoneRiderAsync(
        TargetHost host, int sessions, HttpClient http, LocalAlexaApi alexaApi, TimeSpan pace, CancellationToken cancellationToken)
    {
        var later = new LatencySamples();
        var first = double.NaN;
        var errors = 0;
        void Record(TurnSample turn)
        {
            if (double.IsNaN(first))
            {
                first = turn.Milliseconds;
                return;
            }

            // Later sessions' launches are left out: they carry the engine's first-turn tail (BENCHMARKS.md), not the polling.
            if (turn.Kind != TurnKind.Launch)
            {
                later.Add(turn.Kind, turn.Milliseconds, host.Owners?.RoleOf(turn.InstanceId, turn.Receiver) ?? TurnRole.Owner);
            }
        }

        for (var session = 0; session < sessions; session++)
        {
            if (session > 0)
            {
                await Task.Delay(pace, cancellationToken);
            }

            var conversation = new SeedConversation(http, host.Instances, alexaApi);
            if (await conversation.PlayAsync(Record, pace, cancellationToken) is not null)
            {
                errors++;
            }
        }

        return (first, later, errors);
    }

    private static string Split(Percentiles p) =>
        p.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{p.P50:0} / {p.P95:0} / {p.Max:0} ({p.Count})");

    /// <summary>The engine setting as this run overrides it through the environment, or "as shipped".</summary>
    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable("extensions__durableTask__storageProvider__" + name) ?? "as shipped";
}
