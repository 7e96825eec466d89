using System.Diagnostics;
using RideHailer.Simulation;

namespace RideHailer.Bench.Load;

/// <summary>
/// N riders open the skill at the same instant (N fresh sessions, one LaunchRequest each), then the time until
/// the host serves a whole seed conversation at its usual speed again. Alexa waits 8 s: every launch must be
/// answered, welcomed or asked to try again, before that.
/// </summary>
internal sealed class BurstLevel(HttpClient http, Uri url, LocalAlexaApi alexaApi)
{
    /// <summary>A conversation whose every turn is answered within this is served at the host's usual speed.</summary>
    private static readonly TimeSpan Recovered = TimeSpan.FromSeconds(1);

    /// <summary>How long the driver keeps trying a conversation after the burst before it calls the host stuck.</summary>
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromMinutes(6);

    public async Task<BurstRun> RunAsync(int launches, CancellationToken cancellationToken)
    {
        var answers = new LaunchAnswer[launches];
        var clock = Stopwatch.StartNew();
        var sends = Enumerable.Range(0, launches).Select(async index =>
        {
            await Task.Yield();
            answers[index] = await new SeedConversation(http, InstanceRing.Single(url), alexaApi).LaunchAsync(cancellationToken);
        }).ToList();
        await Task.WhenAll(sends);
        var burst = clock.Elapsed;
        return new BurstRun(launches, answers, burst, await RecoveryAsync(cancellationToken));
    }

    /// <summary>From the end of the burst until a seed conversation is answered turn by turn within <see cref="Recovered"/>.</summary>
    private async Task<TimeSpan?> RecoveryAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < RecoveryLimit)
        {
            var slowest = 0.0;
            var failure = await new SeedConversation(http, InstanceRing.Single(url), alexaApi).PlayAsync(
                turn => slowest = Math.Max(slowest, turn.Milliseconds), TimeSpan.Zero, cancellationToken);
            if (failure is null && slowest <= Recovered.TotalMilliseconds)
            {
                return clock.Elapsed;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return null;
    }
}

/// <summary>How one launch of a burst was answered, and when.</summary>
internal sealed record LaunchAnswer(LaunchOutcome Outcome, double Milliseconds, string? Failure);

internal enum LaunchOutcome
{
    Welcome,

    /// <summary>Let in, but not answered within the reply budget: the session was started.</summary>
    TryAgain,

    /// <summary>Shed before it reached the backend: told the skill is busy, nothing started.</summary>
    Busy,
    Wrong,
}

/// <summary>One burst: every launch's answer, how long the burst took, and how long the host took to recover (null: not within the limit).</summary>
internal sealed record BurstRun(int Launches, IReadOnlyList<LaunchAnswer> Answers, TimeSpan Elapsed, TimeSpan? Recovery)
{
    public int Count(LaunchOutcome outcome) => Answers.Count(answer => answer.Outcome == outcome);

    public Percentiles Latency => Percentiles.Of(Answers.Select(answer => answer.Milliseconds));
}
