using Azure;
using Azure.Data.Tables;

namespace RideHailer.Bench.Load;

/// <summary>
/// The bookings a durable host stored, read back from its Tables store (the DevHost's default "Bookings" table on
/// the Azurite the driver started): what "every session that reaches the PIN books exactly once" is checked against.
/// The driver gives each session its own Alexa user, so each session's bookings sit in one rider partition.
/// </summary>
internal sealed class StoredBookings(TableClient table)
{
    /// <summary>
    /// Rider partitions are "rider-…"; the key claims and the user links have partitions of their own. '.' follows '-',
    /// so the range holds every rider partition and nothing else.
    /// </summary>
    private const string RiderPartitions = "PartitionKey ge 'rider-' and PartitionKey lt 'rider.'";

    public StoredBookings(string connectionString)
        : this(new TableClient(connectionString, "Bookings"))
    {
    }

    /// <summary>Booking rows per rider partition.</summary>
    public async Task<IReadOnlyDictionary<string, int>> RowsPerRiderAsync(CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(
                               RiderPartitions, select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                rows[row.PartitionKey] = rows.GetValueOrDefault(row.PartitionKey) + 1;
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // The store creates its table with the first booking.
        }

        return rows;
    }
}
