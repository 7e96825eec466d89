using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;

namespace RideHailer.Skill.Storage;

/// <summary>
/// Bookings in an Azure Tables table: partition by rider, row by idempotency key (the booking id), created on
/// first use. The table enforces one booking per key with conditional inserts, so concurrent writers for one key
/// (two hosts, or an activity retried while its first run is still going) leave one row and all return it.
/// Any other failure of the service is a <see cref="BookingStoreUnavailableException"/>.
/// </summary>
/// <remarks>
/// A booking is two rows: first the key's claim in the fixed "booking-keys" partition (its insert is the lock:
/// only one rider can ever claim a key, and a lookup by key alone finds the rider with a point read), then the
/// booking in the rider's partition, also inserted conditionally so the first complete booking wins. A writer
/// that stops between the two leaves a claim without a booking; the retry finds the claim, inserts the booking
/// and carries on, and until then the key reads as not booked. Tables transactions cannot span partitions,
/// which is why the order of the two inserts carries the guarantee.
/// </remarks>
public sealed partial class AzureTablesBookingStore : IBookingStore, IUserLinks, IUserScopes, IRideEventReceipts
{
    /// <summary>
    /// How many of a rider's rides still on their way are read to pick the latest. The skill asks before a second
    /// ride, so a rider has one or two at most; the bound keeps the query one small page whatever the table holds.
    /// </summary>
    private const int ActiveRidesRead = 5;

    private readonly TableClient _table;
    private readonly PlaceCatalog _places;
    private readonly ILogger<AzureTablesBookingStore> _logger;
    private readonly Lock _creationLock = new();
    private Task? _creation;

    public AzureTablesBookingStore(TableClient table, PlaceCatalog places, ILogger<AzureTablesBookingStore> logger)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(logger);
        _table = table;
        _places = places;
        _logger = logger;
    }

    /// <inheritdoc/>
    public Task<Booking> BookOnceAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(() => BookOnceCoreAsync(request, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Booking?> FindAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return RunAsync(() => FindCoreAsync(idempotencyKey, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Booking?> FindActiveAsync(string riderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(riderId);
        return RunAsync(() => FindActiveCoreAsync(riderId, now, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Booking?> FindLatestAsync(string riderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(riderId);
        return RunAsync(() => FindLatestCoreAsync(riderId, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Booking?> FindByRideIdAsync(string rideId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(rideId);
        return RunAsync(
            async () =>
            {
                var row = await GetAsync<RideRowEntity>(RideRowEntity.RideIdsPartition, TableKey.From(rideId), cancellationToken);
                if (row?.IdempotencyKey is not { } key)
                {
                    return (Booking?)null;
                }

                var entity = await GetAsync<BookingEntity>(BookingEntity.PartitionFor(row.RiderId), TableKey.From(key), cancellationToken);
                return entity?.ToBooking(_places);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> HasAsync(string rideId, string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(rideId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return RunAsync(
            async () => await GetAsync<RideRowEntity>(RideRowEntity.EventsPartition, RideRowEntity.EventRow(rideId, eventId), cancellationToken) is not null,
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> AddAsync(string rideId, string eventId, string riderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(rideId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return RunAsync(() => TryAddAsync(RideRowEntity.Event(rideId, eventId, riderId), cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> RecordProgressAsync(string idempotencyKey, RideProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        ArgumentNullException.ThrowIfNull(progress);
        return RunAsync(() => RecordProgressCoreAsync(idempotencyKey, progress, cancellationToken), cancellationToken);
    }

    private async Task<Booking> BookOnceCoreAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        var riderId = request.Passenger.RiderId;
        var claim = BookingKeyEntity.For(request.IdempotencyKey, riderId);
        if (!await TryAddAsync(claim, cancellationToken))
        {
            var holder = await GetAsync<BookingKeyEntity>(claim.PartitionKey, claim.RowKey, cancellationToken)
                ?? throw new BookingStoreUnavailableException("A booking key claim disappeared while it was being read.");
            if (!string.Equals(holder.RiderId, riderId, StringComparison.Ordinal))
            {
                // Keys hash the session and the quote, and a session has one rider: this is a caller's bug.
                throw new InvalidOperationException($"Idempotency key {request.IdempotencyKey} is already claimed by another rider.");
            }
        }

        // The ride id's row before the booking: a writer that stops between them leaves no booking, so its retry
        // dispatches and stores again (the same ride for the same key) and the webhook finds the ride either way.
        if (request.Dispatch.RideId is { Length: > 0 } rideId)
        {
            await TryAddAsync(RideRowEntity.RideId(rideId, request.IdempotencyKey, riderId), cancellationToken);
        }

        var booking = Booking.From(request);
        var entity = BookingEntity.From(booking);
        if (await TryAddAsync(entity, cancellationToken))
        {
            Log.BookingStored(_logger, request.IdempotencyKey);
            return booking;
        }

        var stored = await GetAsync<BookingEntity>(entity.PartitionKey, entity.RowKey, cancellationToken)
            ?? throw new BookingStoreUnavailableException("A stored booking disappeared while it was being read.");
        Log.BookingAlreadyStored(_logger, request.IdempotencyKey);
        return stored.ToBooking(_places);
    }

    private async Task<Booking?> FindCoreAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        var rowKey = TableKey.From(idempotencyKey);
        var claim = await GetAsync<BookingKeyEntity>(BookingKeyEntity.Partition, rowKey, cancellationToken);
        if (claim is null)
        {
            return null;
        }

        var entity = await GetAsync<BookingEntity>(BookingEntity.PartitionFor(claim.RiderId), rowKey, cancellationToken);
        return entity?.ToBooking(_places);
    }

    /// <summary>
    /// One query in the rider's partition, filtered by the table on the arrival column. Tables returns rows in key
    /// order (the key is a hash), not by time, so the few that match are read and the latest booked is chosen here.
    /// </summary>
    private async Task<Booking?> FindActiveCoreAsync(string riderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {BookingEntity.PartitionFor(riderId)} and ArrivesAt gt {now.ToUniversalTime()}");
        var active = new List<BookingEntity>(ActiveRidesRead);
        await foreach (var entity in _table.QueryAsync<BookingEntity>(filter, ActiveRidesRead, cancellationToken: cancellationToken))
        {
            active.Add(entity);
            if (active.Count == ActiveRidesRead)
            {
                break;
            }
        }

        return active.MaxBy(entity => entity.BookedAt)?.ToBooking(_places);
    }

    /// <summary>
    /// The rider's partition holds their bookings and nothing else, so one query reads them all; rows come in key
    /// (hash) order, so the latest booked is chosen here.
    /// </summary>
    private async Task<Booking?> FindLatestCoreAsync(string riderId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {BookingEntity.PartitionFor(riderId)}");
        BookingEntity? latest = null;
        await foreach (var entity in _table.QueryAsync<BookingEntity>(filter, cancellationToken: cancellationToken))
        {
            if (latest is null || entity.BookedAt > latest.BookedAt)
            {
                latest = entity;
            }
        }

        return latest?.ToBooking(_places);
    }

    /// <summary>
    /// Read, compare sequence numbers, and merge the progress columns under the row's ETag; a concurrent writer
    /// makes the write fail and the comparison is made again against what it wrote.
    /// </summary>
    private async Task<bool> RecordProgressCoreAsync(string idempotencyKey, RideProgress progress, CancellationToken cancellationToken)
    {
        var rowKey = TableKey.From(idempotencyKey);
        var claim = await GetAsync<BookingKeyEntity>(BookingKeyEntity.Partition, rowKey, cancellationToken);
        if (claim is null)
        {
            return false;
        }

        while (true)
        {
            var entity = await GetAsync<BookingEntity>(BookingEntity.PartitionFor(claim.RiderId), rowKey, cancellationToken);
            if (entity is null || entity.RideSequence >= progress.Sequence || entity.HasEnded)
            {
                return false;
            }

            try
            {
                await _table.UpdateEntityAsync(entity.WithProgress(progress), entity.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Another report landed between the read and the write: compare against it.
            }
        }
    }

    /// <summary>Inserts the entity unless its key exists; false when it did.</summary>
    private async Task<bool> TryAddAsync<T>(T entity, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == TableErrorCode.EntityAlreadyExists)
        {
            return false;
        }
    }

    private async Task<T?> GetAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var response = await _table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Runs one store operation on a table that exists, creating it first (again, if it was deleted while we ran),
    /// and turns the service's failures into the one exception the session handles.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureTableAsync(recreate: false, cancellationToken);
            try
            {
                return await operation();
            }
            catch (RequestFailedException exception) when (exception.ErrorCode == TableErrorCode.TableNotFound)
            {
                await EnsureTableAsync(recreate: true, cancellationToken);
                return await operation();
            }
        }
        catch (RequestFailedException exception)
        {
            throw Unavailable($"HTTP {exception.Status} {exception.ErrorCode}".TrimEnd(), exception);
        }
        catch (AggregateException exception)
        {
            // Azure.Core gathers the failures of every attempt when its retries run out.
            throw Unavailable("retries exhausted", exception);
        }
        catch (AuthenticationFailedException exception)
        {
            throw Unavailable("no credential for the table service", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable("request timed out", exception);
        }
    }

    /// <summary>
    /// The table's creation, started by the first caller and shared by everyone after; a failed attempt is
    /// forgotten so the next call tries again. It runs uncancelled (the client's timeouts bound it) because
    /// other callers may be waiting on it.
    /// </summary>
    private Task EnsureTableAsync(bool recreate, CancellationToken cancellationToken)
    {
        lock (_creationLock)
        {
            if (recreate || _creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = CreateTableAsync();
            }

            return _creation.WaitAsync(cancellationToken);
        }
    }

    private async Task CreateTableAsync()
    {
        await _table.CreateIfNotExistsAsync(CancellationToken.None);
        Log.TableReady(_logger, _table.Name);
    }

    private BookingStoreUnavailableException Unavailable(string failure, Exception exception)
    {
        Log.StoreUnavailable(_logger, _table.Name, failure, exception);
        return new BookingStoreUnavailableException($"The bookings table {_table.Name} is unavailable ({failure}).", exception);
    }

    private static partial class Log
    {
        // Idempotency keys are hashes and safe to log; rider details never are.
        [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Bookings table {Table} is ready")]
        public static partial void TableReady(ILogger logger, string table);

        [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "Booking {IdempotencyKey} stored")]
        public static partial void BookingStored(ILogger logger, string idempotencyKey);

        [LoggerMessage(EventId = 62, Level = LogLevel.Information, Message = "Booking {IdempotencyKey} was already stored; returning it")]
        public static partial void BookingAlreadyStored(ILogger logger, string idempotencyKey);

        [LoggerMessage(EventId = 63, Level = LogLevel.Error, Message = "Bookings table {Table} is unavailable ({Failure})")]
        public static partial void StoreUnavailable(ILogger logger, string table, string failure, Exception exception);

        [LoggerMessage(EventId = 64, Level = LogLevel.Information,
            Message = "Forgot user {UserKey}: {Bookings} bookings, {Claims} key claims and {Links} link rows deleted from {Table}")]
        public static partial void UserForgotten(ILogger logger, string userKey, int bookings, int claims, int links, string table);
    }
}
