using Azure.Data.Tables;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Storage;

namespace RideHailer.Tests.Support;

/// <summary>
/// The durable backend and booking store a whole-session test runs on. The same tests run on both:
/// in memory with an in-process store, and DurableTask.AzureStorage with bookings in Azure Tables, on Azurite.
/// </summary>
public abstract class BackendUnderTest
{
    public static BackendUnderTest InMemory { get; } = new InMemoryBackend();

    public static BackendUnderTest AzureStorage(AzuriteFixture azurite) => new AzureStorageBackend(azurite);

    /// <summary>Whether bookings are kept in an in-process store (no Tables connection).</summary>
    internal virtual bool IsInMemory => false;

    /// <summary>Whether the test's requests are sent in the pseudo-locale, whose every phrase is marked and checked.</summary>
    internal virtual bool InPseudoLocale => false;

    /// <summary>This backend, with every request sent in the pseudo-locale (<see cref="Speaking.PseudoLocale"/>).</summary>
    public BackendUnderTest SpeakingPseudoLocale() => new PseudoLocaleBackend(this);

    /// <summary>Settings for one DevHost; <paramref name="hub"/> isolates a test (and lets a restart find its data).</summary>
    internal abstract Dictionary<string, string?> Settings(string hub);

    /// <summary>The bookings as the store holds them, counted where they are kept.</summary>
    internal abstract Task<IReadOnlyList<Booking>> BookingsAsync(string hub, IBookingStore store);

    /// <summary>The riders the store keeps bookings for: in Azure Tables, the bookings table's partitions.</summary>
    internal virtual async Task<IReadOnlyList<string>> RiderPartitionsAsync(string hub, IBookingStore store) =>
        [.. (await BookingsAsync(hub, store)).Select(booking => booking.Passenger.RiderId).Distinct(StringComparer.Ordinal)];

    /// <summary>Every row of the bookings table, each as its keys and string columns on one line; none for the in-process store.</summary>
    internal virtual Task<IReadOnlyList<string>> TableRowsAsync(string hub) => Task.FromResult<IReadOnlyList<string>>([]);

    private sealed class InMemoryBackend : BackendUnderTest
    {
        internal override bool IsInMemory => true;

        internal override Dictionary<string, string?> Settings(string hub) => [];

        internal override Task<IReadOnlyList<Booking>> BookingsAsync(string hub, IBookingStore store) =>
            Task.FromResult<IReadOnlyList<Booking>>([.. ((InProcessBookingStore)store).All]);

        public override string ToString() => "InMemory";
    }

    private sealed class PseudoLocaleBackend(BackendUnderTest inner) : BackendUnderTest
    {
        internal override bool IsInMemory => inner.IsInMemory;

        internal override bool InPseudoLocale => true;

        internal override Dictionary<string, string?> Settings(string hub) => inner.Settings(hub);

        internal override Task<IReadOnlyList<Booking>> BookingsAsync(string hub, IBookingStore store) => inner.BookingsAsync(hub, store);

        internal override Task<IReadOnlyList<string>> RiderPartitionsAsync(string hub, IBookingStore store) => inner.RiderPartitionsAsync(hub, store);

        internal override Task<IReadOnlyList<string>> TableRowsAsync(string hub) => inner.TableRowsAsync(hub);

        public override string ToString() => inner + " in " + Speaking.PseudoPhrases.Locale;
    }

    private sealed class AzureStorageBackend(AzuriteFixture azurite) : BackendUnderTest
    {
        /// <summary>Booking rows are the rider partitions; the key claims and the user links live beside them.</summary>
        private static bool IsRiderPartition(string partitionKey) => partitionKey.StartsWith("rider-", StringComparison.Ordinal);

        internal override Dictionary<string, string?> Settings(string hub) => new()
        {
            ["Durable:Backend"] = "AzureStorage",
            ["Durable:Storage"] = azurite.ConnectionString,
            ["extensions:durableTask:hubName"] = hub,
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["Tables:BookingsTable"] = hub + "Bookings",
        };

        /// <summary>Counts booking rows in the table itself, then reads each back through the store.</summary>
        internal override async Task<IReadOnlyList<Booking>> BookingsAsync(string hub, IBookingStore store)
        {
            var table = new TableClient(azurite.ConnectionString, hub + "Bookings");
            var bookings = new List<Booking>();
            try
            {
                await foreach (var row in table.QueryAsync<TableEntity>())
                {
                    if (!IsRiderPartition(row.PartitionKey))
                    {
                        continue;
                    }

                    var key = row.GetString("IdempotencyKey") ?? Uri.UnescapeDataString(row.RowKey);
                    bookings.Add(await store.FindAsync(key, CancellationToken.None) ?? throw new InvalidOperationException($"Row {row.RowKey} does not read back."));
                }
            }
            catch (Azure.RequestFailedException failure) when (failure.Status == 404)
            {
                // No table yet: nothing was ever booked.
            }

            return bookings;
        }

        internal override async Task<IReadOnlyList<string>> RiderPartitionsAsync(string hub, IBookingStore store)
        {
            var table = new TableClient(azurite.ConnectionString, hub + "Bookings");
            var partitions = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                if (IsRiderPartition(row.PartitionKey))
                {
                    partitions.Add(row.PartitionKey);
                }
            }

            return [.. partitions];
        }

        internal override async Task<IReadOnlyList<string>> TableRowsAsync(string hub)
        {
            var table = new TableClient(azurite.ConnectionString, hub + "Bookings");
            var rows = new List<string>();
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                rows.Add(string.Join(' ', row.Where(column => column.Value is string).Select(column => column.Key + "=" + column.Value)));
            }

            return rows;
        }

        public override string ToString() => "AzureStorage";
    }
}
