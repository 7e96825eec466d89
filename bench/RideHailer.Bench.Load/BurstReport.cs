using System.Globalization;
using System.Text;
using RideHailer.Simulation;

namespace RideHailer.Bench.Load;

/// <summary>The <c>--burst</c> run: each burst on a fresh host, one line per burst as it ends, and a Markdown table.</summary>
internal static class BurstReport
{
    /// <summary>Alexa gives up on an answer after this long.</summary>
    private const double AlexaLimitMs = 8000;

    public static async Task<int> RunAsync(
        IReadOnlyList<TargetKind> targets, BenchOptions options, string repository, HttpClient http, LocalAlexaApi alexaApi,
        IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet bench/RideHailer.Bench.Load/bin/{options.Configuration}/net10.0/RideHailer.Bench.Load.dll {string.Join(' ', args)}`");
        text.AppendLine();
        text.AppendLine("| target | launches | welcomed | try again | busy (shed) | wrong | p50 ms | p99 ms | worst ms | burst s | recovered after s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var late = 0;
        foreach (var target in targets)
        {
            foreach (var launches in options.Bursts)
            {
                await using var host = target == TargetKind.External
                    ? null
                    : await TargetHost.LaunchAsync(target, repository, options, http, alexaApi, cancellationToken);
                var run = await new BurstLevel(http, host?.Url ?? options.Url!, alexaApi).RunAsync(launches, cancellationToken);
                var latency = run.Latency;
                late += run.Answers.Count(answer => answer.Milliseconds > AlexaLimitMs || answer.Outcome == LaunchOutcome.Wrong);
                var recovery = run.Recovery is { } recovered ? recovered.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "not within 6 min";
                Console.WriteLine(
                    $"{target.Label()}: {launches} launches: {run.Count(LaunchOutcome.Welcome)} welcomed, {run.Count(LaunchOutcome.TryAgain)} asked to try again, {run.Count(LaunchOutcome.Busy)} told busy, "
                    + $"{run.Count(LaunchOutcome.Wrong)} wrong; p50 {latency.P50:0} ms, p99 {latency.P99:0} ms, worst {latency.Max:0} ms; recovered after {recovery} s");
                foreach (var failure in run.Answers.Select(answer => answer.Failure).OfType<string>().Distinct().Take(3))
                {
                    Console.Error.WriteLine("  wrong: " + failure);
                }

                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {target.Label()} | {launches} | {run.Count(LaunchOutcome.Welcome)} | {run.Count(LaunchOutcome.TryAgain)} | {run.Count(LaunchOutcome.Busy)} | {run.Count(LaunchOutcome.Wrong)} | {latency.P50:0} | {latency.P99:0} | {latency.Max:0} | {run.Elapsed.TotalSeconds:0.0} | {recovery} |");
            }
        }

        Console.WriteLine();
        Console.WriteLine(text);
        if (options.Out is { } file)
        {
            await File.WriteAllTextAsync(file, text.ToString(), cancellationToken);
        }

        Console.WriteLine(late == 0 ? "bench: every launch answered within Alexa's 8 s" : $"bench: {late} launches answered wrongly or after Alexa's 8 s");
        return late == 0 ? 0 : 1;
    }
}
