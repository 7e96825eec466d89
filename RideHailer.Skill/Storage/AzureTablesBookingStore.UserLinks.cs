using Azure;
using Azure.Data.Tables;

namespace RideHailer.Skill.Storage;

/// <summary>
/// The user links live in the bookings table, in a partition per Alexa user (<see cref="UserLinkEntity"/>), so that
/// forgetting a user is one table's business: its riders' partitions, their claims, then the links themselves,
/// deleted last so an interrupted run is finished by the next event.
/// </summary>
public sealed partial class AzureTablesBookingStore
{
    /// <summary>Rows of one partition per transaction: the service's limit.</summary>
    private const int TransactionSize = 100;

    /// <summary>How many links this instance remembers having written; past it, it forgets them all and writes again.</summary>
    private const int RememberedLinks = 10_000;

    // Links this instance wrote: every turn of a session names the same link, and only its first costs a write
    // (so a turn's only Tables call stays the one its step needs). Another instance writes it once too.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<UserLink, bool> _written = new();

    /// <inheritdoc/>
    public Task LinkAsync(UserLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (_written.ContainsKey(link))
        {
            return Task.CompletedTask;
        }

        return RunAsync(
            async () =>
            {
                // One round trip: both rows share the user's partition. Upserts, so every turn may record it again.
                List<TableTransactionAction> rows =
                    [new(TableTransactionActionType.UpsertReplace, UserLinkEntity.Session(link.UserKey, link.InstanceId))];
                if (link.RiderId is { Length: > 0 } riderId)
                {
                    rows.Add(new(TableTransactionActionType.UpsertReplace, UserLinkEntity.Rider(link.UserKey, riderId)));
                }

                await _table.SubmitTransactionAsync(rows, cancellationToken);
                if (_written.Count >= RememberedLinks)
                {
                    _written.Clear();
                }

                return _written.TryAdd(link, true);
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
                var (riders, sessions) = (new List<string>(), new List<string>());
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

                return new LinkedRecords(userKey, riders, sessions);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task RecordGrantedScopesAsync(string userKey, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(scopes);
        return RunAsync(
            async () => (await _table.UpsertEntityAsync(UserLinkEntity.Scopes(userKey, scopes), TableUpdateMode.Replace, cancellationToken)).Status,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>?> FindGrantedScopesAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        return RunAsync(
            async () => await GetAsync<UserLinkEntity>(UserLinkEntity.PartitionFor(userKey), UserLinkEntity.ScopesRow, cancellationToken) is { } row
                ? (IReadOnlyList<string>?)row.LinkedId.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                : null,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task ClearGrantedScopesAsync(string userKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        return RunAsync(
            async () => (await _table.DeleteEntityAsync(UserLinkEntity.PartitionFor(userKey), UserLinkEntity.ScopesRow, ETag.All, cancellationToken)).Status,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<int> ForgetAsync(LinkedRecords records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return RunAsync(() => ForgetCoreAsync(records, cancellationToken), cancellationToken);
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

        var links = await DeleteAllAsync(LinkRowsAsync(records.UserKey, cancellationToken), cancellationToken);
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
                    await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                }
            }
        }

        return found.Count;
    }
}
