using RideHailer.Simulation;
namespace RideHailer.Bench.Load;

/// <summary>
/// Runs one rider level against a target: warm-up sessions (not measured), then riders in a closed loop
/// until each has played its sessions or the duration has passed. Bounded in requests and in time.
/// Scaled out, each turn is told apart by whether it reached the instance that owns its session's partition,
/// and the storage calls of the measured sessions are counted when the target counts them.
/// </summary>
/// <param name="trip">Where the riders go (the Space Needle unless given).</param>
internal sealed class LoadLevel(HttpClient http, InstanceRing instances, LocalAlexaApi alexaApi, BenchOptions options, bool bare = false, Trip? trip = null)
{
    /// <summary>The partition owners the turns are compared with (several instances); without it every turn counts as the owner's.</summary>
    public PartitionOwners? Owners { get; init; }

    /// <summary>Counts the target's storage calls (--count-storage).</summary>
    public StorageCallCounter? Counter { get; init; }

    /// <summary>Called as the measured sessions start, after the warm-up (e.g. to forget the warm-up's searches).</summary>
    public Action? MeasuredStarting { get; init; }

    /// <summary>Something to do while the measured sessions run (e.g. kill an instance), given the time they started.</summary>
    public Func<CancellationToken, Task>? During { get; init; }

    public async Task<LevelRun> RunAsync(int riders, CancellationToken cancellationToken)
    {
        var warm = LevelRun.Empty;
        if (options.Warmup > 0)
        {
            warm = await PlayAsync(riders, options.Warmup, options.Duration, new LatencySamples(), cancellationToken);
            if (warm.Errors == 0 && options.WarmupTime > TimeSpan.Zero)
            {
                var longer = await PlayAsync(riders, int.MaxValue, options.WarmupTime, new LatencySamples(), cancellationToken);
                warm = longer with { Confirmed = warm.Confirmed + longer.Confirmed };
            }

            if (warm.Errors > 0)
            {
                return LevelRun.Empty with { Errors = warm.Errors, FirstErrors = [.. warm.FirstErrors.Select(error => "warm-up " + error)], Confirmed = warm.Confirmed };
            }
        }

        MeasuredStarting?.Invoke();
        var before = Counter?.Snapshot();
        var started = DateTime.UtcNow;
        using var stopDuring = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var during = During?.Invoke(stopDuring.Token) ?? Task.CompletedTask;
        var measured = await PlayAsync(riders, options.Sessions, options.Duration, new LatencySamples(), cancellationToken);
        await stopDuring.CancelAsync();
        await during.ContinueWith(_ => { }, TaskScheduler.Default);
        var storage = Counter is null || before is null ? StorageCalls.None : Counter.Snapshot().Since(before);
        return measured with { Confirmed = warm.Confirmed + measured.Confirmed, Storage = storage, PartitionMoves = Owners?.MovesSince(started) ?? 0 };
    }

    /// <param name="duration">After this long no rider starts a new session; sessions under way finish.</param>
    private async Task<LevelRun> PlayAsync(int riders, int sessionsPerRider, TimeSpan duration, LatencySamples latency, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + duration;
        var firstErrors = new List<string>();
        var (sessions, booked, errors) = (0, 0, 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        void Record(TurnSample turn)
        {
            latency.Add(turn.Kind, turn.Milliseconds, Owners?.RoleOf(turn.InstanceId, turn.Receiver) ?? TurnRole.Owner);
            latency.AddRepeats(turn.TooLong, turn.Lost);
        }

        async Task RiderAsync()
        {
            for (var played = 0; played < sessionsPerRider && DateTime.UtcNow < deadline; played++)
            {
                var conversation = new SeedConversation(http, instances, alexaApi, bare, trip, options.AskStatus);
                var failure = await conversation.PlayAsync(Record, options.Think, cancellationToken, repeatUnanswered: options.RepeatsUnanswered);
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
