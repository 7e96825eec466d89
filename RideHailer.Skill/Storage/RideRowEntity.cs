using Azure;
using Azure.Data.Tables;

namespace RideHailer.Skill.Storage;

/// <summary>
/// The rows that find a booking by its provider's ride id ("ride-ids": one per ride, naming its booking) and remember
/// the provider's events already handed on ("ride-events": one per ride and event id). Each names the rider, so
/// forgetting a rider finds them by that column, as it finds the key claims. Only opaque ids: no rider's data.
/// </summary>
internal sealed class RideRowEntity : ITableEntity
{
    /// <summary>Neither starts with "rider-", so no rider can own these partitions.</summary>
    public const string RideIdsPartition = "ride-ids";

    public const string EventsPartition = "ride-events";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RiderId { get; set; } = string.Empty;

    /// <summary>The booking's key, on a ride-id row.</summary>
    public string? IdempotencyKey { get; set; }

    public static RideRowEntity RideId(string rideId, string idempotencyKey, string riderId) => new()
    {
        PartitionKey = RideIdsPartition,
        RowKey = TableKey.From(rideId),
        RiderId = riderId,
        IdempotencyKey = idempotencyKey,
    };

    public static RideRowEntity Event(string rideId, string eventId, string riderId) => new()
    {
        PartitionKey = EventsPartition,
        RowKey = EventRow(rideId, eventId),
        RiderId = riderId,
    };

    /// <summary>The ride id's length first, so no two (ride, event) pairs share a row key.</summary>
    public static string EventRow(string rideId, string eventId) =>
        TableKey.From(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{rideId.Length}:{rideId}|{eventId}"));
}
