namespace RideHailer.Bench.Load;

/// <summary>
/// Runs one rider level against a target: warm-up sessions (not measured), then riders in a closed loop
/// until each has played its sessions or the duration has passed. Bounded in requests and in time.
/// </summary>
internal sealed class LoadLevel(HttpClient http, Uri url, Uri apiEndpoint, BenchOptions options, bool bare = false)
{
    public async Task<(int Sessions, int Booked, int Errors, List<string> FirstErrors, TimeSpan Elapsed, LatencySamples Latency)> RunAsync(
        int riders, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (options.Warmup > 0)
        {
            var warm = await PlayAsync(riders, options.Warmup, new LatencySamples(), cancellationToken);
            errors.AddRange(warm.FirstErrors.Select(error => "warm-up " + error));
            if (warm.Errors > 0)
            {
                return (0, 0, warm.Errors, errors, TimeSpan.Zero, new LatencySamples());
            }
        }

        var latency = new LatencySamples();
        var measured = await PlayAsync(riders, options.Sessions, latency, cancellationToken);
        errors.AddRange(measured.FirstErrors);
        return (measured.Sessions, measured.Booked, measured.Errors, errors, measured.Elapsed, latency);
    }

    private async Task<(int Sessions, int Booked, int Errors, List<string> FirstErrors, TimeSpan Elapsed)> PlayAsync(
        int riders, int sessionsPerRider, LatencySamples latency, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.Duration;
        var firstErrors = new List<string>();
        var (sessions, booked, errors) = (0, 0, 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        async Task RiderAsync()
        {
            for (var played = 0; played < sessionsPerRider && DateTime.UtcNow < deadline; played++)
            {
                var conversation = new SeedConversation(http, url, apiEndpoint, bare);
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
        return (sessions, booked, errors, firstErrors, clock.Elapsed);
    }
}
