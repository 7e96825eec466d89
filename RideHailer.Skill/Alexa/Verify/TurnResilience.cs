using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>
/// The standard resilience pipeline as every outbound read of a turn uses it (the certificate chain here; the rider
/// identity's discovery and keys, and the Customer Profile reads, in Enrich): it lives in the first step that calls out
/// so that the later ones may share it.
/// </summary>
/// <remarks>
/// Each caller names its own attempt and total limits. They add up inside the turn budget (Session:ReplyTimeout, 6 s
/// of Alexa's 8): on an instance's first request, the chain (1.5 s) + discovery and keys (1.2 s each) + the profile
/// reads in parallel (2.1 s) = 6 s at worst; afterwards the chain and keys are cached and only the profile remains.
/// </remarks>
public static class TurnResilience
{
    /// <summary>Attempts, all failed, within <see cref="BreakerSamplingDuration"/> after which a host is not called.</summary>
    public const int BreakerMinimumThroughput = 10;

    public static readonly TimeSpan BreakerSamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker answers at once, before one trial call is let through.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Per-attempt and total timeouts, one retry of a transient failure (5xx, 408, 429, no connection, an attempt timed
    /// out) for GETs only, and a breaker that opens when a host failed every attempt of the last ones.
    /// </summary>
    public static void ForTurn(this HttpStandardResilienceOptions options, TimeSpan attempt, TimeSpan total)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AttemptTimeout.Timeout = attempt;
        options.TotalRequestTimeout.Timeout = total;
        options.Retry.MaxRetryAttempts = 1;
        options.Retry.BackoffType = DelayBackoffType.Constant;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.UseJitter = true;
        // A Retry-After of seconds cannot be waited for inside a turn; the total timeout would end the wait anyway.
        options.Retry.ShouldRetryAfterHeader = false;
        // Only reads are repeated; the default transient predicate already leaves a 403 (not granted) alone.
        options.Retry.DisableForUnsafeHttpMethods();
        options.CircuitBreaker.FailureRatio = 1.0;
        options.CircuitBreaker.MinimumThroughput = BreakerMinimumThroughput;
        options.CircuitBreaker.SamplingDuration = BreakerSamplingDuration;
        options.CircuitBreaker.BreakDuration = BreakDuration;
    }
}
