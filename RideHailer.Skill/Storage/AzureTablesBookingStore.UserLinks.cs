using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace RideHailer.Skill.Storage;

/// <summary>
/// The user links live in the bookings table, in a partition per Alexa user (<see cref="UserLinkEntity"/>), so that
/// forgetting a user is one table's business: its riders' partitions, their claims, ride-id rows and event receipts, then
/// the links themselves, deleted last so an interrupted run is finished by the next event. The tombstone is the user's
/// state row, left in place; every write to the partition is one transaction with that row under its ETag, so once the
/// tombstone is written no link or scope record of that user can land.
/// </summary>
public sealed partial class AzureTablesBookingStore
{
    /// <summary>Rows of one partition per transaction: the service's limit.</summary>
    private const int TransactionSize = 100;

    /// <summary>How many links this instance remembers having written; past it, it forgets them all and writes again.</summary>
    private const int RememberedLinks = 10_000;

    /// <summary>How often a guarded write reads the state row again after another write changed it first.</summary>
    private const int GuardAttempts = 5;

    // Links this instance wrote: every turn of a session names the same link, and only its first costs a read of the state
    // row and a write (so a later turn's only Tables call stays the one its step needs). Another instance writes it once too.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<UserLink, bool> _written = new();

    /// <inheritdoc/>
    public Task<bool> LinkAsync(UserLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (_written.ContainsKey(link))
        {
            return Task.FromResult(true);
        }

        return RunAsync(
            async () =>
            {
                // One round trip after the state row's read: the rows share the user's partition. Upserts, so every turn may record it again.
                List<TableTransactionAction> rows =
                    [new(TableTransactionActionType.UpsertReplace, UserLinkEntity.Session(link.UserKey, link.InstanceId))];
                if (link.RiderId is { Length: > 0 } riderId)
                {
                    rows.Add(new(TableTransactionActionType.UpsertReplace, UserLinkEntity.Rider(link.UserKey, riderId)));
                }

                if (!await WriteUnlessForgottenAsync(link.UserKey, rows, cancellationToken))
                {
                    return false;
                }

                if (_written.Count >= RememberedLinks)
                {
                    _written.Clear();
                }

                _written.TryAdd(link, true);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<LinkedRecords> FindLinksAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        return RunAsync(
            async () =>
            {
                var (riders, sessions, bookings) = (new List<string>(), new List<string>(), new List<string>());
                await foreach (var row in LinkRowsAsync(userKey, cancellationToken))
                {
                    if (row.RowKey.StartsWith(UserLinkEntity.RiderPrefix, StringComparison.Ordinal))
                    {
                        riders.Add(row.LinkedId);
                    }
                    else if (row.RowKey.StartsWith(UserLinkEntity.SessionPrefix, StringComparison.Ordinal))
                    {
                        sessions.Add(row.LinkedId);
                    }
                }

                foreach (var riderId in riders)
                {
                    // The booking keys name the rides' orchestrations, which the erasure ends and purges before the rows go.
                    await foreach (var booking in _table.QueryAsync<TableEntity>(
                        TableClient.CreateQueryFilter($"PartitionKey eq {BookingEntity.PartitionFor(riderId)}"),
                        select: [nameof(BookingEntity.IdempotencyKey)],
                        cancellationToken: cancellationToken))
                    {
                        if (booking.GetString(nameof(BookingEntity.IdempotencyKey)) is { Length: > 0 } key)
                        {
                            bookings.Add(key);
                        }
                    }
                }

                return new LinkedRecords(userKey, riders, sessions) { BookingKeys = bookings };
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> RecordGrantedScopesAsync(
        string userKey, IReadOnlyList<string> accountScopes, string? personKey, IReadOnlyList<string>? personScopes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(accountScopes);
        return RunAsync(
            async () =>
            {
                List<TableTransactionAction> rows = [new(TableTransactionActionType.UpsertReplace, UserLinkEntity.Scopes(userKey, accountScopes))];
                if (personKey is { Length: > 0 } && personScopes is not null)
                {
                    rows.Add(new(TableTransactionActionType.UpsertReplace, UserLinkEntity.PersonScopes(userKey, personKey, personScopes)));
                }
                else if (personKey is { Length: > 0 })
                {
                    // A person the event named without a list of their own: nothing recorded for them, so Alexa's API is their truth.
                    await DeleteIfThereAsync(UserLinkEntity.PartitionFor(userKey), UserLinkEntity.PersonScopesPrefix + TableKey.From(personKey), cancellationToken);
                }

                return await WriteUnlessForgottenAsync(userKey, rows, cancellationToken);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ReportedGrants> FindGrantedScopesAsync(string userKey, string? personKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        var partition = UserLinkEntity.PartitionFor(userKey);
        var personRow = personKey is { Length: > 0 } ? UserLinkEntity.PersonScopesPrefix + TableKey.From(personKey) : null;
        return RunAsync(
            async () =>
            {
                // One round trip for both rows: they share the user's partition.
                var filter = personRow is null
                    ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey eq {UserLinkEntity.ScopesRow}")
                    : TableClient.CreateQueryFilter(
                        $"PartitionKey eq {partition} and (RowKey eq {UserLinkEntity.ScopesRow} or RowKey eq {personRow})");
                IReadOnlyList<string>? account = null;
                IReadOnlyList<string>? person = null;
                await foreach (var row in _table.QueryAsync<UserLinkEntity>(filter, cancellationToken: cancellationToken))
                {
                    var scopes = row.LinkedId.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (row.RowKey == UserLinkEntity.ScopesRow)
                    {
                        account = scopes;
                    }
                    else
                    {
                        person = scopes;
                    }
                }

                return new ReportedGrants(account, person);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task ClearGrantedScopesAsync(string userKey, string? personKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        var partition = UserLinkEntity.PartitionFor(userKey);
        return RunAsync(
            async () =>
            {
                await DeleteIfThereAsync(partition, UserLinkEntity.ScopesRow, cancellationToken);
                if (personKey is { Length: > 0 })
                {
                    await DeleteIfThereAsync(partition, UserLinkEntity.PersonScopesPrefix + TableKey.From(personKey), cancellationToken);
                }

                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task MarkForgottenAsync(string userKey, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        foreach (var written in _written.Keys.Where(link => link.UserKey == userKey))
        {
            // This instance's next turn of the user reads the state row again, and so is refused.
            _written.TryRemove(written, out _);
        }

        return RunAsync(
            async () =>
            {
                // The index row first, so that the sweep finds every tombstone; then the state row, whose new ETag refuses
                // every guarded write that read it before.
                await _table.UpsertEntityAsync(UserLinkEntity.ForgottenIndex(userKey, until), TableUpdateMode.Replace, cancellationToken);
                return (await _table.UpsertEntityAsync(UserLinkEntity.State(userKey, until), TableUpdateMode.Replace, cancellationToken)).Status;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> IsForgottenAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        return RunAsync(
            async () => await GetAsync<UserLinkEntity>(UserLinkEntity.PartitionFor(userKey), UserLinkEntity.StateRow, cancellationToken) is
            { ForgottenUntil: not null },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<int> SweepForgottenAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        RunAsync(
            async () =>
            {
                var expired = new List<UserLinkEntity>();
                await foreach (var row in _table.QueryAsync<UserLinkEntity>(
                    TableClient.CreateQueryFilter($"PartitionKey eq {UserLinkEntity.ForgottenPartition} and ForgottenUntil le {now.ToUniversalTime()}"),
                    cancellationToken: cancellationToken))
                {
                    expired.Add(row);
                }

                foreach (var row in expired)
                {
                    // The state row before its index row: a sweep cut short leaves the index row, and the next one finishes.
                    await DeleteIfThereAsync(UserLinkEntity.PartitionFor(row.LinkedId), UserLinkEntity.StateRow, cancellationToken);
                    await DeleteIfThereAsync(row.PartitionKey, row.RowKey, cancellationToken);
                }

                return expired.Count;
            },
            cancellationToken);

    /// <inheritdoc/>
    public Task<int> ForgetAsync(LinkedRecords records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return RunAsync(() => ForgetCoreAsync(records, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="rows"/> (all in the user's partition) in one transaction with the user's state row under the
    /// ETag just read, so a tombstone written since that read fails the whole transaction; false when the user is forgotten.
    /// The state row is created with the user's first write.
    /// </summary>
    private async Task<bool> WriteUnlessForgottenAsync(string userKey, IReadOnlyList<TableTransactionAction> rows, CancellationToken cancellationToken)
    {
        var partition = UserLinkEntity.PartitionFor(userKey);
        for (var attempt = 1; ; attempt++)
        {
            var state = await GetAsync<UserLinkEntity>(partition, UserLinkEntity.StateRow, cancellationToken);
            if (state is { ForgottenUntil: not null })
            {
                return false;
            }

            var guard = state is null
                ? new TableTransactionAction(TableTransactionActionType.Add, UserLinkEntity.State(userKey, null))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, UserLinkEntity.State(userKey, null), state.ETag);
            try
            {
                await _table.SubmitTransactionAsync([guard, .. rows], cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException failure) when (failure.FailedTransactionActionIndex == 0 && attempt < GuardAttempts)
            {
                // The state row changed since it was read (a tombstone, or another session's write): read it again.
            }
        }
    }

    private async Task<int> ForgetCoreAsync(LinkedRecords records, CancellationToken cancellationToken)
    {
        var (bookings, claims) = (0, 0);
        foreach (var riderId in records.Riders)
        {
            var partition = BookingEntity.PartitionFor(riderId);
            bookings += await DeleteAllAsync(
                _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken),
                cancellationToken);

            // By the rider column rather than by the bookings found: a claim whose booking was never written is caught too.
            claims += await DeleteAllAsync(
                _table.QueryAsync<TableEntity>(
                    TableClient.CreateQueryFilter($"PartitionKey eq {BookingKeyEntity.Partition} and RiderId eq {riderId}"),
                    select: ["PartitionKey", "RowKey"],
                    cancellationToken: cancellationToken),
                cancellationToken);

            // The rider's ride ids and event receipts, found the same way.
            foreach (var ridePartition in (string[])[RideRowEntity.RideIdsPartition, RideRowEntity.EventsPartition])
            {
                await DeleteAllAsync(
                    _table.QueryAsync<TableEntity>(
                        TableClient.CreateQueryFilter($"PartitionKey eq {ridePartition} and RiderId eq {riderId}"),
                        select: ["PartitionKey", "RowKey"],
                        cancellationToken: cancellationToken),
                    cancellationToken);
            }
        }

        // Every row of the user's partition (links, the account's and each person's scopes) but the state row: the tombstone.
        var links = await DeleteAllAsync(
            _table.QueryAsync<UserLinkEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {UserLinkEntity.PartitionFor(records.UserKey)} and RowKey ne {UserLinkEntity.StateRow}"),
                cancellationToken: cancellationToken),
            cancellationToken);
        foreach (var written in _written.Keys.Where(link => link.UserKey == records.UserKey))
        {
            _written.TryRemove(written, out _);
        }

        Log.UserForgotten(_logger, records.UserKey, bookings, claims, links, _table.Name);
        return bookings;
    }

    private AsyncPageable<UserLinkEntity> LinkRowsAsync(string userKey, CancellationToken cancellationToken) =>
        _table.QueryAsync<UserLinkEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {UserLinkEntity.PartitionFor(userKey)}"), cancellationToken: cancellationToken);

    private async Task DeleteIfThereAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404 && exception.ErrorCode != TableErrorCode.TableNotFound)
        {
            // Already gone.
        }
    }

    /// <summary>Deletes the rows the query finds, in transactions of one partition; returns how many.</summary>
    private async Task<int> DeleteAllAsync<T>(AsyncPageable<T> rows, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var found = new List<ITableEntity>();
        await foreach (var row in rows)
        {
            found.Add(row);
        }

        foreach (var batch in found.GroupBy(row => row.PartitionKey).SelectMany(partition => partition.Chunk(TransactionSize)))
        {
            // Unconditional deletes: a row another run deleted meanwhile fails the batch with 404, so fall back to one by one.
            try
            {
                await _table.SubmitTransactionAsync(
                    batch.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException)
            {
                foreach (var row in batch)
                {
                    await DeleteIfThereAsync(row.PartitionKey, row.RowKey, cancellationToken);
                }
            }
        }

        return found.Count;
    }
}
