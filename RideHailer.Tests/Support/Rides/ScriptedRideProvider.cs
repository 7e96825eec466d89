using System.Collections.Concurrent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Tests.Support.Rides;

/// <summary>
/// A ride provider for the conversation's tests: quotes and dispatches as <paramref name="inner"/> does (the local
/// fleet), and reports status, fee and cancel as the test scripts them, counting every call, or throws
/// <see cref="RideServiceUnreachableException"/> while <see cref="Unreachable"/> is set. Its cancel is idempotent per key,
/// as the provider contract asks.
/// </summary>
internal sealed class ScriptedRideProvider(IRideProvider inner) : IRideProvider
{
    private readonly ConcurrentDictionary<string, RideCancellation> _cancelled = new(StringComparer.Ordinal);

    /// <summary>What StatusAsync reports; null reports nothing new (throws as a provider without status would).</summary>
    public Func<string, DateTimeOffset, RideProgress>? Status { get; set; }

    /// <summary>The cancellation fee the provider reports now; null: cancelling is free.</summary>
    public Money? Fee { get; set; }

    /// <summary>Whether the status, fee and cancel calls fail as a provider that is down.</summary>
    public bool Unreachable { get; set; }

    private int _statusCalls;
    private int _feeCalls;
    private int _cancelCalls;

    public int StatusCalls => Volatile.Read(ref _statusCalls);

    public int FeeCalls => Volatile.Read(ref _feeCalls);

    public int CancelCalls => Volatile.Read(ref _cancelCalls);

    /// <summary>Each cancel call's ride id, idempotency key and confirmed fee, in order.</summary>
    public ConcurrentQueue<(string RideId, string Key, Money? ConfirmedFee)> Cancels { get; } = new();

    public Task<Quote> QuoteAsync(Pickup pickup, Place destination, RideType rideType, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.QuoteAsync(pickup, destination, rideType, now, cancellationToken);

    public Task<Dispatch> DispatchAsync(RideOrder order, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.DispatchAsync(order, now, cancellationToken);

    /// <summary>The ride id of each status call, in order.</summary>
    public ConcurrentQueue<string> StatusRideIds { get; } = new();

    public Task<RideProgress> StatusAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        StatusRideIds.Enqueue(rideId);
        Interlocked.Increment(ref _statusCalls);
        ThrowIfUnreachable();
        return Status is { } status
            ? Task.FromResult(status(rideId, now))
            : throw new RideUnavailableException("No status scripted.");
    }

    public Task<Money?> CancellationFeeAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _feeCalls);
        ThrowIfUnreachable();
        return Task.FromResult(Fee);
    }

    public Task<RideCancellation> CancelAsync(string rideId, string idempotencyKey, Money? confirmedFee, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _cancelCalls);
        ThrowIfUnreachable();
        Cancels.Enqueue((rideId, idempotencyKey, confirmedFee));
        return Task.FromResult(_cancelled.GetOrAdd(idempotencyKey, _ => new RideCancellation(RideStatus.RiderCanceled, confirmedFee)));
    }

    private void ThrowIfUnreachable()
    {
        if (Unreachable)
        {
            throw new RideServiceUnreachableException("The ride service did not answer.");
        }
    }
}
