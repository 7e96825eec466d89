using RideHailer.Simulation;
namespace RideHailer.Bench.Load;

/// <summary>
/// Runs one rider level against a target: warm-up sessions (not measured), then riders in a closed loop
/// until each has played its sessions or the duration has passed. Bounded in requests and in time.
/// </summary>
internal sealed class LoadLevel(HttpClient http, Uri url, LocalAlexaApi alexaApi, BenchOptions options, bool bare = false)
{
    public async Task<LevelRun> RunAsync(int riders, CancellationToken cancellationToken)
    {
        var warm = LevelRun.Empty;
        if (options.Warmup > 0)
        {
            warm = await PlayAsync(riders, options.Warmup, new LatencySamples(), cancellationToken);
            if (warm.Errors > 0)
            {
                return LevelRun.Empty with { Errors = warm.Errors, FirstErrors = [.. warm.FirstErrors.Select(error => "warm-up " + error)], Confirmed = warm.Confirmed };
            }
        }

        var measured = await PlayAsync(riders, options.Sessions, new LatencySamples(), cancellationToken);
        return measured with { Confirmed = warm.Confirmed + measured.Confirmed };
    }

    private async Task<LevelRun> PlayAsync(int riders, int sessionsPerRider, LatencySamples latency, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.Duration;
        var firstErrors = new List<string>();
        var (sessions, booked, errors) = (0, 0, 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        async Task RiderAsync()
        {
            for (var played = 0; played < sessionsPerRider && DateTime.UtcNow < deadline; played++)
            {
                var conversation = new SeedConversation(http, url, alexaApi, bare);
                var failure = await conversation.PlayAsync(latency.Add, options.Think, cancellationToken);
                Interlocked.Increment(ref sessions);
                if (failure is null)
                {
                    // A bare session answers "ok" five times and books nothing.
                    if (!bare)
                    {
                        Interlocked.Increment(ref booked);
                    }

                    continue;
                }

                Interlocked.Increment(ref errors);
                lock (firstErrors)
                {
                    if (firstErrors.Count < 5)
                    {
                        firstErrors.Add(failure);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, riders).Select(_ => Task.Run(RiderAsync, cancellationToken)));
        return new LevelRun(sessions, booked, booked, errors, firstErrors, clock.Elapsed, latency);
    }
}
