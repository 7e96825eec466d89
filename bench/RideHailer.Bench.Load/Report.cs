using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace RideHailer.Bench.Load;

/// <summary>The run as Markdown: the machine, the flags, absolute figures, ratios to the baselines, and turns by kind.</summary>
internal static class Report
{
    public static string Write(IReadOnlyList<LevelResult> results, BenchOptions options, IReadOnlyList<string> args)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet bench/RideHailer.Bench.Load/bin/{options.Configuration}/net10.0/RideHailer.Bench.Load.dll {string.Join(' ', args)}`");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Per level: {options.Warmup} warm-up{(options.WarmupTime > TimeSpan.Zero ? $" (then more for {options.WarmupTime.TotalSeconds:0} s)" : "")} + {options.Sessions} measured sessions per rider (5 turns each{(options.AskStatus ? ", then a one-shot \"where is my ride\" session of the same rider" : "")}), at most {options.Duration.TotalSeconds:0} s, think time {options.Think.TotalMilliseconds:0} ms; latency is per turn, client side, over loopback HTTP.");
        text.AppendLine();
        text.AppendLine("| target | riders | sessions | turns | errors | turns/s | p50 ms | p95 ms | p99 ms | max ms | start-up ms | peak WS MiB | bookings stored |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            var all = result.Latency.All();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Label} | {result.Riders} | {result.Sessions} | {all.Count} | {result.Errors} | {(all.Count == 0 ? "" : result.TurnsPerSecond.ToString("0", CultureInfo.InvariantCulture))} | {Ms(all.P50)} | {Ms(all.P95)} | {Ms(all.P99)} | {Ms(all.Max)} | {(result.Startup is { } startup ? startup.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) : "")} | {(result.PeakWorkingSetKiB is { } peak ? (peak / 1024.0).ToString("0", CultureInfo.InvariantCulture) : "")} | {Stored(result.Bookings)} |");
        }

        AppendRatios(text, results);
        if (options.Instances.Count > 0 || options.Waits.Count > 0 || options.CountStorage)
        {
            ScaleReport.Append(text, results);
        }
        text.AppendLine();
        text.AppendLine("Per turn, p50 / p99 ms:");
        text.AppendLine();
        var kinds = TurnKinds.Played(options.AskStatus);
        text.AppendLine("| target | riders | " + string.Join(" | ", kinds) + " |");
        text.AppendLine("|---|---:|" + string.Concat(kinds.Select(_ => "---:|")));
        foreach (var result in results)
        {
            var byKind = string.Join(" | ", kinds.Select(result.Latency.Of).Select(p => $"{Ms(p.P50)} / {Ms(p.P99)}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {result.Label} | {result.Riders} | {byKind} |");
        }

        if (options.AskStatus)
        {
            AppendStatus(text, results);
        }

        if (results.Any(result => result.Places == PlacesTarget.AzureMaps))
        {
            AppendPlaceSearch(text, results);
        }

        foreach (var result in results.Where(result => result.FirstErrors.Count > 0 || result.Bookings?.Failure is not null))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Errors, {result.Label} at {result.Riders} riders (first {result.FirstErrors.Count}):");
            foreach (var error in result.FirstErrors.Append(result.Bookings?.Failure).OfType<string>())
            {
                text.AppendLine("- " + error);
            }
        }

        return text.ToString();
    }

    /// <summary>Each target's p50 and p99 over the floor's and the Node peer's at the same rider count, when those ran.</summary>
    private static void AppendRatios(StringBuilder text, IReadOnlyList<LevelResult> results)
    {
        LevelResult? Find(TargetKind kind, int riders) => results.FirstOrDefault(r => r.Target == kind && r.Riders == riders);
        var rows = results
            .Select(result => (result, floor: Find(TargetKind.Floor, result.Riders), node: Find(TargetKind.Node, result.Riders),
                // The bare loop is the engine the durable target runs on: "what our code adds on top of it".
                bare: result.Target.BareEngine() is { } engine ? Find(engine, result.Riders) : null))
            .Where(row => row.result.Target != TargetKind.Node
                          && (row.floor is not null && row.result.Target != TargetKind.Floor || row.node is not null || row.bare is not null))
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("Ratios at the same rider count (≤ 1.0: as fast or faster than the baseline):");
        text.AppendLine();
        text.AppendLine("| target | riders | p50 ÷ floor | p99 ÷ floor | p50 ÷ Node peer | p99 ÷ Node peer | p50 ÷ bare | p99 ÷ bare |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (result, floor, node, bare) in rows)
        {
            var all = result.Latency.All();
            string Ratio(LevelResult? baseline, Func<Percentiles, double> pick) =>
                baseline is null || baseline == result || all.Count == 0 || baseline.Latency.All().Count == 0 ? "" : (pick(all) / pick(baseline.Latency.All())).ToString("0.00", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Label} | {result.Riders} | {Ratio(floor, p => p.P50)} | {Ratio(floor, p => p.P99)} | {Ratio(node, p => p.P50)} | {Ratio(node, p => p.P99)} | {Ratio(bare, p => p.P50)} | {Ratio(bare, p => p.P99)} |");
        }
    }

    /// <summary>The status turn against the booking session's turns at the same level: p50 and p99, and their ratios.</summary>
    private static void AppendStatus(StringBuilder text, IReadOnlyList<LevelResult> results)
    {
        text.AppendLine();
        text.AppendLine("The status turn (a one-shot \"where is my ride\" in a later session of the rider who just booked: a session's first turn, one lookup of the rider's latest ride) against the booking session's turns, p50 / p99 ms and Status ÷ turn:");
        text.AppendLine();
        text.AppendLine("| target | riders | Status | Launch | Yes | PinResume | ÷ Launch p50 / p99 | ÷ Yes p50 / p99 | ÷ PinResume p50 / p99 |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            var status = result.Latency.Of(TurnKind.Status);
            string Both(Percentiles p) => $"{Ms(p.P50)} / {Ms(p.P99)}";
            string Over(TurnKind kind)
            {
                var other = result.Latency.Of(kind);
                return status.Count == 0 || other.Count == 0 ? "" : $"{Two(status.P50 / other.P50)} / {Two(status.P99 / other.P99)}";
            }

            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Label} | {result.Riders} | {Both(status)} | {Both(result.Latency.Of(TurnKind.Launch))} | {Both(result.Latency.Of(TurnKind.Yes))} | {Both(result.Latency.Of(TurnKind.PinResume))} | {Over(TurnKind.Launch)} | {Over(TurnKind.Yes)} | {Over(TurnKind.PinResume)} |");
        }
    }

    /// <summary>The destination turn on Azure Maps (the stub) against the catalog's at the same target and riders, and the stub's own time.</summary>
    private static void AppendPlaceSearch(StringBuilder text, IReadOnlyList<LevelResult> results)
    {
        text.AppendLine();
        text.AppendLine("The destination turn with a place search (Places:Kind=AzureMaps on the driver's Get Geocoding stub, the rider asking for the documented example's address) against the built-in catalog (the Space Needle), p50 / p99 ms, and the stub's own time per search (its handler, from the request to the body written):");
        text.AppendLine();
        text.AppendLine("| target | riders | Destination, catalog | Destination, Azure Maps stub | search ÷ catalog p50 / p99 | all turns, catalog | all turns, Azure Maps stub | searches | stub's own time per search p50 / p99 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var search in results.Where(result => result.Places == PlacesTarget.AzureMaps))
        {
            var catalog = results.FirstOrDefault(result => result.Places == PlacesTarget.BuiltIn && result.Target == search.Target && result.Riders == search.Riders);
            var searched = search.Latency.Of(TurnKind.Destination);
            var listed = catalog?.Latency.Of(TurnKind.Destination);
            string Both(Percentiles? p) => p is null ? "" : $"{Ms(p.P50)} / {Ms(p.P99)}";
            var ratio = listed is null || listed.Count == 0 || searched.Count == 0 ? "" : $"{Two(searched.P50 / listed.P50)} / {Two(searched.P99 / listed.P99)}";
            var stub = search.Searches;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {search.Target.Label()} | {search.Riders} | {Both(listed)} | {Both(searched)} | {ratio} | {Both(catalog?.Latency.All())} | {Both(search.Latency.All())} | {stub?.Count} | {(stub is null || stub.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{stub.P50:0.000} / {stub.P99:0.000}"))} |");
        }
    }

    private static string Two(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "";

    /// <summary>Bookings read back from the store during the level (warm-up included), and any made twice.</summary>
    private static string Stored(BookingAudit? audit) =>
        audit is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{audit.Stored}{(audit.BookedTwice > 0 ? $" ({audit.BookedTwice} twice)" : "")}");

    private static string Ms(double milliseconds) =>
        double.IsNaN(milliseconds) ? "" : milliseconds.ToString(milliseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory:0} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }
}
