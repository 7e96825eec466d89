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
    /// <summary>The partition of the store's key claims; every other partition belongs to one rider.</summary>
    private const string KeyClaims = "booking-keys";

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
                               $"PartitionKey ne '{KeyClaims}'", select: ["PartitionKey"], cancellationToken: cancellationToken))
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
