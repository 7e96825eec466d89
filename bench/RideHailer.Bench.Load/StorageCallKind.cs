namespace RideHailer.Bench.Load;

/// <summary>What a storage call the hosts made was, as the counting proxy in front of Azurite classifies it.</summary>
internal enum StorageCallKind
{
    InstancesRead,
    InstancesWrite,
    HistoryRead,

    /// <summary>Entity-group transactions (<c>$batch</c>): the engine writes history rows in batches, and only those.</summary>
    HistoryWrite,
    PartitionsTable,
    BookingsTable,
    OtherTable,
    ControlQueueGet,
    WorkItemQueueGet,
    QueuePut,
    QueueDelete,
    QueueUpdate,
    OtherQueue,
    BlobLease,
    OtherBlob,
}

internal static class StorageCallKinds
{
    public static string Label(this StorageCallKind kind) => kind switch
    {
        StorageCallKind.InstancesRead => "Instances reads",
        StorageCallKind.InstancesWrite => "Instances writes",
        StorageCallKind.HistoryRead => "History reads",
        StorageCallKind.HistoryWrite => "History writes ($batch)",
        StorageCallKind.PartitionsTable => "Partitions table",
        StorageCallKind.BookingsTable => "Bookings table",
        StorageCallKind.OtherTable => "other table calls",
        StorageCallKind.ControlQueueGet => "control-queue gets",
        StorageCallKind.WorkItemQueueGet => "work-item-queue gets",
        StorageCallKind.QueuePut => "queue puts",
        StorageCallKind.QueueDelete => "queue deletes",
        StorageCallKind.QueueUpdate => "queue updates",
        StorageCallKind.OtherQueue => "other queue calls",
        StorageCallKind.BlobLease => "blob lease calls",
        _ => "other blob calls",
    };

    /// <summary>Azure Storage's billing class of the call (what a standard general-purpose v2 account prices per 10,000).</summary>
    public static StorageService Service(this StorageCallKind kind) => kind switch
    {
        <= StorageCallKind.OtherTable => StorageService.Table,
        <= StorageCallKind.OtherQueue => StorageService.Queue,
        _ => StorageService.Blob,
    };
}

internal enum StorageService
{
    Blob,
    Queue,
    Table,
}
