using System.Globalization;
using System.Text;

namespace RideHailer.Bench.Load;

/// <summary>
/// The scale-out tables (--instances, --wait, --count-storage): per level, latency split by whether a turn reached its
/// session's partition owner, the p95 against one instance of the same wait and riders in the same run, and the
/// storage calls per turn by kind.
/// </summary>
internal static class ScaleReport
{
    private static readonly StorageCallKind[] Shown =
    [
        StorageCallKind.InstancesRead, StorageCallKind.InstancesWrite, StorageCallKind.HistoryRead, StorageCallKind.HistoryWrite,
        StorageCallKind.ControlQueueGet, StorageCallKind.WorkItemQueueGet, StorageCallKind.QueuePut, StorageCallKind.QueueDelete,
        StorageCallKind.QueueUpdate, StorageCallKind.BlobLease, StorageCallKind.PartitionsTable,
    ];

    public static void Append(StringBuilder text, IReadOnlyList<LevelResult> results)
    {
        text.AppendLine();
        text.AppendLine("Scale-out: per turn, ms (owner: the turn reached the instance holding its session's partition; other: another instance did). A turn answered \"that took too long\" is said again 1 s later and timed from its first try:");
        text.AppendLine();
        text.AppendLine("| wait | instances | riders | turns | errors | turns/s | owner p50 / p95 / p99 (turns) | other p50 / p95 / p99 (turns) | all p95 | p95 ÷ 1 instance | max | \"too long\", said again | partition moves | bookings stored |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            var all = result.Latency.All();
            var single = results.FirstOrDefault(other => other.Instances == 1 && other.Wait == result.Wait && other.Riders == result.Riders && other.Target == result.Target);
            var ratio = single is null || single == result || single.Latency.All().Count == 0 ? "" : Two(all.P95 / single.Latency.All().P95);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Wait ?? "default"} | {result.Instances} | {result.Riders} | {all.Count} | {result.Errors} | {Rate(result)} | {Split(result.Latency.Of(TurnRole.Owner))} | {Split(result.Latency.Of(TurnRole.Other))} | {Ms(all.P95)} | {ratio} | {Ms(all.Max)} | {result.Latency.Repeated.TooLong} | {result.PartitionMoves} | {result.Bookings?.Stored.ToString(CultureInfo.InvariantCulture) ?? ""}{(result.Bookings is { BookedTwice: > 0 } twice ? $" ({twice.BookedTwice} twice)" : "")} |");
        }

        AppendCrashes(text, results);
        if (results.All(result => result.Storage.Total == 0))
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("Storage calls per turn, by kind (the measured sessions only; a proxy in front of Azurite counts every call the instances make, idle polling included), and what a million sessions cost on Azure Storage at " + StoragePrices.Source + ", with every call counted and without the polling of empty queues (the idle bill, paid by the hour):");
        text.AppendLine();
        text.AppendLine("| wait | instances | riders | " + string.Join(" | ", Shown.Select(kind => kind.Label())) + " | all calls | US$ per million sessions | without the polling |");
        text.AppendLine("|---|---:|---:|" + string.Concat(Shown.Select(_ => "---:|")) + "---:|---:|---:|");
        foreach (var result in results)
        {
            var turns = Math.Max(1, result.Latency.All().Count);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Wait ?? "default"} | {result.Instances} | {result.Riders} | {string.Join(" | ", Shown.Select(kind => Two(result.Storage[kind] / (double)turns)))} | {Two(result.Storage.Total / (double)turns)} | {PerMillion(result, result.Storage)} | {PerMillion(result, result.Storage.WithoutPolling())} |");
        }
    }

    private static string PerMillion(LevelResult result, StorageCalls calls) =>
        result.Sessions == 0 ? "" : (StoragePrices.GeneralPurposeV2Lrs.Of(calls) / result.Sessions * 1_000_000m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Levels with an instance killed: how long the riders of its sessions waited, what they heard, and the bookings.</summary>
    private static void AppendCrashes(StringBuilder text, IReadOnlyList<LevelResult> results)
    {
        var crashes = results.Where(result => result.KilledAt is not null).ToList();
        if (crashes.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("Instance killed (SIGKILL) mid-level; riders say a turn again 1 s after \"that took too long\" or no answer, and a turn's time runs from its first try:");
        text.AppendLine();
        text.AppendLine("| wait | instances | riders | killed at s | turns | longest turn s (the stall) | turns over 8 s | tries answered \"that took too long\" | tries lost with the instance | sessions booked | bookings stored |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in crashes)
        {
            var all = result.Latency.All();
            var (tooLong, lost) = result.Latency.Repeated;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Wait ?? "default"} | {result.Instances} | {result.Riders} | {result.KilledAt:0} | {all.Count} | {all.Max / 1000:0.0} | {result.Latency.CountOver(8000)} | {tooLong} | {lost} | {result.Booked} | {result.Bookings?.Stored.ToString(CultureInfo.InvariantCulture) ?? ""}{(result.Bookings is { BookedTwice: > 0 } twice ? $" ({twice.BookedTwice} twice)" : "")} |");
        }
    }

    private static string Split(Percentiles p) => p.Count == 0 ? "" : $"{Ms(p.P50)} / {Ms(p.P95)} / {Ms(p.P99)} ({p.Count})";

    private static string Rate(LevelResult result) => result.Latency.All().Count == 0 ? "" : result.TurnsPerSecond.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Two(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "";

    private static string Ms(double milliseconds) =>
        double.IsNaN(milliseconds) ? "" : milliseconds.ToString(milliseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
