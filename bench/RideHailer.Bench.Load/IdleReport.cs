using System.Globalization;
using System.Text;
using RideHailer.Simulation;

namespace RideHailer.Bench.Load;

/// <summary>
/// What an idle app costs in storage calls (--idle S): a fresh host (N instances) on a fresh Azurite answers one launch,
/// settles, then nothing happens for S seconds while the counting proxy counts what the engine polls. The engine's
/// settings come from host.json, overridable per run through the environment the driver passes on
/// (<c>extensions__durableTask__storageProvider__partitionCount=16</c>).
/// </summary>
internal static class IdleReport
{
    private const double SecondsPerMonth = 30 * 24 * 3600;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(
        IReadOnlyList<TargetKind> targets, BenchOptions options, string repository, HttpClient http, LocalAlexaApi alexaApi, CancellationToken cancellationToken)
    {
        var idle = options.Idle!.Value;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Idle app, storage calls per second over {idle.TotalSeconds:0} s after a {Settle.TotalSeconds:0} s settle (partitionCount {Setting("partitionCount")}, maxQueuePollingInterval {Setting("maxQueuePollingInterval")}):");
        text.AppendLine();
        text.AppendLine("| instances | partitionCount | maxQueuePollingInterval | all calls/s | control-queue gets/s | work-item-queue gets/s | blob lease/s | Partitions table/s | other/s | calls per 30-day month | queue / table / blob per month |");
        text.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
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
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"| {instances} | {Setting("partitionCount")} | {Setting("maxQueuePollingInterval")} | {PerSecond(calls.Total):0.0} | {PerSecond(calls[StorageCallKind.ControlQueueGet]):0.0} | {PerSecond(calls[StorageCallKind.WorkItemQueueGet]):0.0} | {PerSecond(calls[StorageCallKind.BlobLease]):0.00} | {PerSecond(calls[StorageCallKind.PartitionsTable]):0.00} | {PerSecond(other):0.00} | {PerSecond(calls.Total) * SecondsPerMonth:N0} | {Month(StorageService.Queue):N0} / {Month(StorageService.Table):N0} / {Month(StorageService.Blob):N0} |");
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
        return 0;
    }

    /// <summary>The engine setting as this run overrides it through the environment, or "as shipped".</summary>
    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable("extensions__durableTask__storageProvider__" + name) ?? "as shipped";
}
