using Azure;
using Azure.Data.Tables;

namespace RideHailer.Skill.Storage;

/// <summary>
/// The claim on an idempotency key: one row per key in a single partition, naming the rider whose partition
/// holds the booking. Inserted before the booking, it is the lock that makes the key unique across riders,
/// and it lets a lookup by key alone find the booking with two point reads instead of a table scan.
/// </summary>
internal sealed class BookingKeyEntity : ITableEntity
{
    /// <summary>Rider partitions start with "rider-", so no rider can own this partition.</summary>
    public const string Partition = "booking-keys";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RiderId { get; set; } = string.Empty;

    public static BookingKeyEntity For(string idempotencyKey, string riderId) => new()
    {
        RowKey = TableKey.From(idempotencyKey),
        RiderId = riderId,
    };
}
