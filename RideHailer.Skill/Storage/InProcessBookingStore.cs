using System.Collections.Concurrent;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Storage;

/// <summary>A thread-safe booking store in memory, with its user links, for the dev host and tests; both vanish with the process.</summary>
public sealed class InProcessBookingStore : IBookingStore, IUserLinks, IUserScopes, IRideEventReceipts
{
    private readonly ConcurrentDictionary<string, Booking> _bookings = new(StringComparer.Ordinal);

    // Per user key, the rider ids and instance ids linked to it, the granted scopes and the tombstones (with their expiry):
    // all read and changed under one lock, so a link or a scope record and a tombstone are never both missed.
    private readonly Lock _users = new();

    private readonly ConcurrentDictionary<string, (HashSet<string> Riders, HashSet<string> Sessions)> _links = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, UserScopes> _scopes = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _forgotten = new(StringComparer.Ordinal);

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
    public Task<bool> LinkAsync(UserLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_users)
        {
            if (_forgotten.ContainsKey(link.UserKey))
            {
                return Task.FromResult(false);
            }

            var (riders, sessions) = _links.GetOrAdd(link.UserKey, _ => (new(StringComparer.Ordinal), new(StringComparer.Ordinal)));
            sessions.Add(link.InstanceId);
            if (link.RiderId is { Length: > 0 } riderId)
            {
                riders.Add(riderId);
            }
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc/>
    public Task<LinkedRecords> FindLinksAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        cancellationToken.ThrowIfCancellationRequested();
        LinkedRecords records;
        lock (_users)
        {
            records = _links.TryGetValue(userKey, out var links)
                ? new LinkedRecords(userKey, [.. links.Riders], [.. links.Sessions])
                : new LinkedRecords(userKey, [], []);
        }

        var riders = records.Riders.ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(records with
        {
            BookingKeys = [.. _bookings.Values.Where(booking => riders.Contains(booking.Passenger.RiderId)).Select(booking => booking.IdempotencyKey)],
        });
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

        lock (_users)
        {
            _links.TryRemove(records.UserKey, out _);
            _scopes.TryRemove(records.UserKey, out _);
        }

        return Task.FromResult(deleted);
    }

    /// <inheritdoc/>
    public Task MarkForgottenAsync(string userKey, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_users)
        {
            _forgotten[userKey] = _forgotten.TryGetValue(userKey, out var kept) && kept > until ? kept : until;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<bool> IsForgottenAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_forgotten.ContainsKey(userKey));
    }

    /// <inheritdoc/>
    public Task<int> SweepForgottenAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_users)
        {
            return Task.FromResult(_forgotten.Where(entry => entry.Value <= now).Count(entry => _forgotten.TryRemove(entry)));
        }
    }

    /// <inheritdoc/>
    public Task<bool> RecordGrantedScopesAsync(
        string userKey, IReadOnlyList<string> accountScopes, string? personKey, IReadOnlyList<string>? personScopes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(accountScopes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_users)
        {
            if (_forgotten.ContainsKey(userKey))
            {
                return Task.FromResult(false);
            }

            var recorded = _scopes.GetOrAdd(userKey, _ => new UserScopes());
            recorded.Account = [.. accountScopes];
            if (personKey is { Length: > 0 })
            {
                if (personScopes is null)
                {
                    recorded.Persons.Remove(personKey);
                }
                else
                {
                    recorded.Persons[personKey] = [.. personScopes];
                }
            }
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc/>
    public Task<ReportedGrants> FindGrantedScopesAsync(string userKey, string? personKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_users)
        {
            if (!_scopes.TryGetValue(userKey, out var recorded))
            {
                return Task.FromResult(ReportedGrants.None);
            }

            var person = personKey is { Length: > 0 } ? recorded.Persons.GetValueOrDefault(personKey) : null;
            return Task.FromResult(new ReportedGrants(recorded.Account, person));
        }
    }

    /// <inheritdoc/>
    public Task ClearGrantedScopesAsync(string userKey, string? personKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_users)
        {
            if (_scopes.TryGetValue(userKey, out var recorded))
            {
                recorded.Account = null;
                if (personKey is { Length: > 0 })
                {
                    recorded.Persons.Remove(personKey);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A user's recorded grants: the account's, and each person's by opaque person key.</summary>
    private sealed class UserScopes
    {
        public IReadOnlyList<string>? Account { get; set; }

        public Dictionary<string, IReadOnlyList<string>> Persons { get; } = new(StringComparer.Ordinal);
    }
}
