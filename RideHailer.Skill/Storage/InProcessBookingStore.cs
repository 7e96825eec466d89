using System.Collections.Concurrent;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Storage;

/// <summary>A thread-safe booking store in memory, with its user links, for the dev host and tests; both vanish with the process.</summary>
public sealed class InProcessBookingStore : IBookingStore, IUserLinks, IUserScopes, IRideEventReceipts
{
    private readonly ConcurrentDictionary<string, Booking> _bookings = new(StringComparer.Ordinal);

    // Per user key, the rider ids and instance ids linked to it; each set is locked while it is read or changed.
    private readonly ConcurrentDictionary<string, (HashSet<string> Riders, HashSet<string> Sessions)> _links = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _scopes = new(StringComparer.Ordinal);

    // Per (ride id, event id) handed on, the rider it belongs to.
    private readonly ConcurrentDictionary<(string RideId, string EventId), string> _receipts = new();

    /// <summary>How many bookings are held.</summary>
    public int Count => _bookings.Count;

    /// <summary>Every booking held, in no particular order.</summary>
    public IReadOnlyCollection<Booking> All => [.. _bookings.Values];

    /// <inheritdoc/>
    public Task<Booking> BookOnceAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        // GetOrAdd with a value (not a factory) makes first-writer-wins atomic: every racer gets the stored booking.
        return Task.FromResult(_bookings.GetOrAdd(request.IdempotencyKey, Booking.From(request)));
    }

    /// <inheritdoc/>
    public Task<Booking?> FindAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_bookings.GetValueOrDefault(idempotencyKey));
    }

    /// <inheritdoc/>
    public Task<Booking?> FindLatestAsync(string riderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(riderId);
        cancellationToken.ThrowIfCancellationRequested();
        var latest = _bookings.Values
            .Where(booking => string.Equals(booking.Passenger.RiderId, riderId, StringComparison.Ordinal))
            .MaxBy(booking => booking.BookedAt);
        return Task.FromResult(latest);
    }

    /// <inheritdoc/>
    public Task<Booking?> FindByRideIdAsync(string rideId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(rideId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_bookings.Values.FirstOrDefault(booking => string.Equals(booking.Dispatch.RideId, rideId, StringComparison.Ordinal)));
    }

    /// <inheritdoc/>
    public Task<bool> HasAsync(string rideId, string eventId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_receipts.ContainsKey((rideId, eventId)));
    }

    /// <inheritdoc/>
    public Task<bool> AddAsync(string rideId, string eventId, string riderId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_receipts.TryAdd((rideId, eventId), riderId));
    }

    /// <inheritdoc/>
    public Task<bool> RecordProgressAsync(string idempotencyKey, RideProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        ArgumentNullException.ThrowIfNull(progress);
        cancellationToken.ThrowIfCancellationRequested();
        while (_bookings.TryGetValue(idempotencyKey, out var booking))
        {
            if (booking.Progress is { } recorded && (recorded.Sequence >= progress.Sequence || recorded.Status.IsFinal()))
            {
                return Task.FromResult(false);
            }

            if (_bookings.TryUpdate(idempotencyKey, booking with { Progress = progress }, booking))
            {
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }

    /// <inheritdoc/>
    public Task<Booking?> FindActiveAsync(string riderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(riderId);
        cancellationToken.ThrowIfCancellationRequested();
        var active = _bookings.Values
            .Where(booking => string.Equals(booking.Passenger.RiderId, riderId, StringComparison.Ordinal) && !booking.HasArrivedBy(now))
            .MaxBy(booking => booking.BookedAt);
        return Task.FromResult(active);
    }

    /// <inheritdoc/>
    public Task LinkAsync(UserLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        cancellationToken.ThrowIfCancellationRequested();
        var (riders, sessions) = _links.GetOrAdd(link.UserKey, _ => (new(StringComparer.Ordinal), new(StringComparer.Ordinal)));
        lock (riders)
        {
            sessions.Add(link.InstanceId);
            if (link.RiderId is { Length: > 0 } riderId)
            {
                riders.Add(riderId);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<LinkedRecords> FindLinksAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_links.TryGetValue(userKey, out var links))
        {
            return Task.FromResult(new LinkedRecords(userKey, [], []));
        }

        lock (links.Riders)
        {
            return Task.FromResult(new LinkedRecords(userKey, [.. links.Riders], [.. links.Sessions]));
        }
    }

    /// <inheritdoc/>
    public Task<int> ForgetAsync(LinkedRecords records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        var riders = records.Riders.ToHashSet(StringComparer.Ordinal);
        var deleted = _bookings.Where(entry => riders.Contains(entry.Value.Passenger.RiderId))
            .Count(entry => _bookings.TryRemove(entry));
        foreach (var receipt in _receipts.Where(entry => riders.Contains(entry.Value)))
        {
            _receipts.TryRemove(receipt);
        }

        _links.TryRemove(records.UserKey, out _);
        _scopes.TryRemove(records.UserKey, out _);
        return Task.FromResult(deleted);
    }

    /// <inheritdoc/>
    public Task RecordGrantedScopesAsync(string userKey, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(scopes);
        cancellationToken.ThrowIfCancellationRequested();
        _scopes[userKey] = [.. scopes];
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>?> FindGrantedScopesAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_scopes.GetValueOrDefault(userKey));
    }

    /// <inheritdoc/>
    public Task ClearGrantedScopesAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        cancellationToken.ThrowIfCancellationRequested();
        _scopes.TryRemove(userKey, out _);
        return Task.CompletedTask;
    }
}
