using Microsoft.AspNetCore.Http;

namespace RideHailer.Bench.Load;

/// <summary>
/// Reads a storage REST call (service, method, path, query) as a <see cref="StorageCallKind"/>. Paths are Azurite's
/// (<c>/devstoreaccount1/…</c>); tables are named after the task hub (<c>RideHailerInstances</c>, <c>RideHailerHistory</c>,
/// <c>RideHailerPartitions</c>), control queues <c>ridehailer-control-NN</c>.
/// </summary>
internal static class StorageCallClassifier
{
    public static StorageCallKind Classify(StorageService service, string method, string path, string query) => service switch
    {
        StorageService.Table => Table(method, ResourceName(path, 1)),
        StorageService.Queue => Queue(method, ResourceName(path, 1), ResourceName(path, 2), query),
        _ => query.Contains("comp=lease", StringComparison.OrdinalIgnoreCase) ? StorageCallKind.BlobLease : StorageCallKind.OtherBlob,
    };

    private static StorageCallKind Table(string method, string resource)
    {
        var table = resource.Split('(')[0];
        var read = HttpMethods.IsGet(method);
        return table switch
        {
            "$batch" => StorageCallKind.HistoryWrite,
            _ when table.EndsWith("Instances", StringComparison.Ordinal) => read ? StorageCallKind.InstancesRead : StorageCallKind.InstancesWrite,
            _ when table.EndsWith("History", StringComparison.Ordinal) => read ? StorageCallKind.HistoryRead : StorageCallKind.HistoryWrite,
            _ when table.EndsWith("Partitions", StringComparison.Ordinal) => StorageCallKind.PartitionsTable,
            "Bookings" => StorageCallKind.BookingsTable,
            _ => StorageCallKind.OtherTable,
        };
    }

    private static StorageCallKind Queue(string method, string queue, string below, string query)
    {
        if (!string.Equals(below, "messages", StringComparison.Ordinal))
        {
            return StorageCallKind.OtherQueue;
        }

        return method switch
        {
            _ when HttpMethods.IsGet(method) && query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => StorageCallKind.OtherQueue,
            _ when HttpMethods.IsGet(method) => queue.Contains("-control-", StringComparison.Ordinal) ? StorageCallKind.ControlQueueGet : StorageCallKind.WorkItemQueueGet,
            _ when HttpMethods.IsPost(method) => StorageCallKind.QueuePut,
            _ when HttpMethods.IsDelete(method) => StorageCallKind.QueueDelete,
            _ when HttpMethods.IsPut(method) => StorageCallKind.QueueUpdate,
            _ => StorageCallKind.OtherQueue,
        };
    }

    /// <summary>The path segment after the account at <paramref name="depth"/> (1: the table or queue), or empty.</summary>
    private static string ResourceName(string path, int depth)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > depth ? Uri.UnescapeDataString(segments[depth]) : "";
    }
}
