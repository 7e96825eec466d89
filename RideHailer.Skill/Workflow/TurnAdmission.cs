using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// How many turns of this host are with the durable backend at once (<see cref="SessionOptions.MaxConcurrentTurns"/>).
/// A burst beyond that would not be answered faster, only later for everyone: the backend's throughput is what it
/// is, and every turn let in past it pushes all the others past Alexa's 8 seconds. So the rest wait in arrival
/// order (up to <see cref="SessionOptions.MaxWaitingTurns"/> of them), and a turn that cannot get in while it still
/// has half its budget, or finds no place to wait, is shed: it never reaches its session, and its rider hears that
/// the skill is busy.
/// </summary>
public sealed class TurnAdmission : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly int _places;

    public TurnAdmission(IOptions<SessionOptions> options, RideHailerMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _places = options.Value.MaxConcurrentTurns;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _places,
            QueueLimit = options.Value.MaxWaitingTurns,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        metrics.ObserveAdmission(() => Active, () => Waiting);
    }

    /// <summary>How many turns hold a place now.</summary>
    public long Active => Statistics() is { } now ? _places - now.CurrentAvailablePermits : 0;

    /// <summary>How many turns are waiting for a place now.</summary>
    public long Waiting => Statistics()?.CurrentQueuedCount ?? 0;

    /// <summary>A place among the turns in flight, held until disposed; null when the turn is shed.</summary>
    public async ValueTask<IDisposable?> EnterAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired || wait <= TimeSpan.Zero)
        {
            return Admitted(lease);
        }

        lease.Dispose();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(wait);
        try
        {
            return Admitted(await _limiter.AcquireAsync(1, waiting.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose() => _limiter.Dispose();

    // The metrics may be collected once more while the host shuts down, after the limiter is gone: nothing waits then.
    private RateLimiterStatistics? Statistics()
    {
        try
        {
            return _limiter.GetStatistics();
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    private static RateLimitLease? Admitted(RateLimitLease lease)
    {
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }
}
