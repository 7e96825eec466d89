using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;
using RideHailer.Skill.Storage;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Storage;
using RideHailer.Tests.Support.Verification;

namespace RideHailer.Tests.Storage;

/// <summary>The Azure Tables store on Azurite: the booking-store contract, then what only a table can get wrong.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class AzureTablesBookingStoreTests(AzuriteFixture azurite) : BookingStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TableServiceClient _service = new(azurite.ConnectionString);

    protected override IBookingStore CreateStore() => StoreOn(_service.GetTableClient("ContractBookings"));

    [Fact]
    public async Task Find_GeolocationPickup_ReturnsTheBookingExactlyAsBooked()
    {
        var store = CreateStore();
        var request = BookingRequests.For();

        var booked = await store.BookOnceAsync(request, None);

        Assert.Equal(Booking.From(request), booked);
        Assert.Equal(booked, await store.FindAsync(request.IdempotencyKey, None));
    }

    [Fact]
    public async Task Find_AddressPickupAnonymousRider_ReturnsTheBookingExactlyAsBooked()
    {
        var store = CreateStore();
        var request = BookingRequests.For(
            pickup: Pickup.AtAddress("410 Terry Ave N, Seattle, WA 98109", "Seattle"),
            destination: BookingRequests.Place("pike-place-market"),
            fare: 12.50m,
            passenger: new Passenger("rider-7", PersonId: null, GivenName: null, MobileNumber: null));

        await store.BookOnceAsync(request, None);

        Assert.Equal(Booking.From(request), await store.FindAsync(request.IdempotencyKey, None));
    }

    [Fact]
    public async Task BookOnce_SameKeyAgain_ReturnsTheStoredBookingExactly()
    {
        var store = CreateStore();
        var first = BookingRequests.For(driver: "Sam");

        var booked = await store.BookOnceAsync(first, None);
        var replay = await CreateStore().BookOnceAsync(BookingRequests.For(first.IdempotencyKey, driver: "Priya"), None);

        Assert.Equal(booked, replay);
    }

    [Fact]
    public async Task BookOnce_TwoWritersRacingForOneKey_LeaveOneRow()
    {
        var table = _service.GetTableClient("RaceBookings");
        // Two stores with their own clients, as two hosts or a retried activity would be.
        var first = StoreOn(table);
        var second = StoreOn(new TableServiceClient(azurite.ConnectionString).GetTableClient("RaceBookings"));

        foreach (var key in Enumerable.Range(0, 5).Select(_ => BookingRequests.NewKey()))
        {
            var bookings = await Task.WhenAll(
                Task.Run(() => first.BookOnceAsync(BookingRequests.For(key, driver: "Sam"), None)),
                Task.Run(() => second.BookOnceAsync(BookingRequests.For(key, driver: "Priya"), None)));

            Assert.Equal(bookings[0], bookings[1]);
            Assert.Equal(1, await CountAsync(table, $"IdempotencyKey eq '{key}'"));
            Assert.Equal(1, await CountAsync(table, $"PartitionKey eq 'booking-keys' and RowKey eq '{key}'"));
        }
    }

    [Fact]
    public async Task BookOnce_MissingTable_CreatesItOnFirstUse()
    {
        var name = "Fresh" + Guid.NewGuid().ToString("N");
        var store = StoreOn(_service.GetTableClient(name));
        Assert.False(await TableExistsAsync(name));

        Assert.Null(await store.FindAsync(BookingRequests.NewKey(), None));
        Assert.True(await TableExistsAsync(name));

        var request = BookingRequests.For();
        Assert.Equal(Booking.From(request), await store.BookOnceAsync(request, None));
        Assert.Equal(1, await CountAsync(_service.GetTableClient(name), $"IdempotencyKey eq '{request.IdempotencyKey}'"));
    }

    [Fact]
    public async Task BookOnce_TableDeletedWhileRunning_CreatesItAgain()
    {
        var name = "Deleted" + Guid.NewGuid().ToString("N");
        var table = _service.GetTableClient(name);
        var store = StoreOn(table);
        await store.BookOnceAsync(BookingRequests.For(), None);

        await table.DeleteAsync();
        var request = BookingRequests.For();
        await store.BookOnceAsync(request, None);

        Assert.Equal(Booking.From(request), await store.FindAsync(request.IdempotencyKey, None));
    }

    [Fact]
    public async Task BookOnce_AfterAWriterStoppedBetweenClaimAndBooking_CompletesTheBooking()
    {
        var table = _service.GetTableClient("ContractBookings");
        var store = StoreOn(table);
        var request = BookingRequests.For();
        await store.FindAsync(request.IdempotencyKey, None); // creates the table
        await table.AddEntityAsync(new TableEntity("booking-keys", request.IdempotencyKey) { ["RiderId"] = BookingRequests.RiderId });

        Assert.Null(await store.FindAsync(request.IdempotencyKey, None));
        Assert.Equal(Booking.From(request), await store.BookOnceAsync(request, None));
        Assert.Equal(Booking.From(request), await store.FindAsync(request.IdempotencyKey, None));
        Assert.Equal(1, await CountAsync(table, $"IdempotencyKey eq '{request.IdempotencyKey}'"));
    }

    [Fact]
    public async Task BookOnce_KeyClaimedByAnotherRider_ThrowsAndStoresNothing()
    {
        var table = _service.GetTableClient("ContractBookings");
        var store = StoreOn(table);
        var first = BookingRequests.For(riderId: "rider-a");
        await store.BookOnceAsync(first, None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.BookOnceAsync(BookingRequests.For(first.IdempotencyKey, riderId: "rider-b"), None));

        Assert.Equal(1, await CountAsync(table, $"IdempotencyKey eq '{first.IdempotencyKey}'"));
        Assert.Equal(first.Passenger, (await store.FindAsync(first.IdempotencyKey, None))?.Passenger);
    }

    [Fact]
    public async Task BookOnce_StoresAColumnPerFact_PartitionedByRider()
    {
        var table = _service.GetTableClient("ColumnBookings");
        var request = BookingRequests.For(fare: 12.50m);
        await StoreOn(table).BookOnceAsync(request, None);

        var row = Assert.Single(table.Query<TableEntity>($"IdempotencyKey eq '{request.IdempotencyKey}'"));

        Assert.Equal("rider-" + BookingRequests.RiderId, row.PartitionKey);
        Assert.Equal(request.IdempotencyKey, row.RowKey);
        Assert.Equal(BookingRequests.RiderId, row.GetString("RiderId"));
        Assert.Equal("Space Needle", row.GetString("Destination"));
        Assert.Equal("12.50", row.GetString("FareAmount"));
        Assert.Equal("USD", row.GetString("FareCurrency"));
        Assert.Equal("Sam", row.GetString("DriverName"));
        Assert.Equal("BXK 4821", row.GetString("LicensePlate"));
        Assert.Equal(request.RequestedAt, row.GetDateTimeOffset("BookedAt"));
        Assert.Equal(request.RequestedAt + request.Dispatch.DriverEta, row.GetDateTimeOffset("ArrivesAt"));
    }

    [Fact]
    public async Task Find_RiderIdWithCharactersTableKeysForbid_ReturnsTheBooking()
    {
        var table = _service.GetTableClient("OddRiderBookings");
        var store = StoreOn(table);
        var request = BookingRequests.For(riderId: "linked/account#7?x\\y%z\u0001");

        await store.BookOnceAsync(request, None);

        Assert.Equal(Booking.From(request), await store.FindAsync(request.IdempotencyKey, None));
        var row = Assert.Single(table.Query<TableEntity>($"IdempotencyKey eq '{request.IdempotencyKey}'"));
        Assert.Equal("rider-linked%2Faccount%237%3Fx%5Cy%25z%01", row.PartitionKey);
    }

    [Fact]
    public async Task FindActive_RiderIdWithCharactersTableKeysForbid_FindsOnlyTheirRide()
    {
        var table = _service.GetTableClient("OddRiderBookings");
        var store = StoreOn(table);
        var odd = "linked/account#7?x\\y%z'" + Guid.NewGuid().ToString("N");
        var request = BookingRequests.For(riderId: odd);
        await store.BookOnceAsync(request, None);
        await store.BookOnceAsync(BookingRequests.For(riderId: odd + "-other"), None);

        Assert.Equal(Booking.From(request), await store.FindActiveAsync(odd, BookingRequests.Now.AddMinutes(1), None));
    }

    [Fact]
    public async Task FindActive_RowStoredBeforeTheArrivalColumn_IsNotActive()
    {
        var table = _service.GetTableClient("ContractBookings");
        var store = StoreOn(table);
        var riderId = "rider-" + Guid.NewGuid().ToString("N");
        var request = BookingRequests.For(riderId: riderId);
        await store.BookOnceAsync(request, None);
        var row = Assert.Single(table.Query<TableEntity>($"IdempotencyKey eq '{request.IdempotencyKey}'"));
        row.Remove("ArrivesAt");
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        Assert.Null(await store.FindActiveAsync(riderId, BookingRequests.Now, None));
        Assert.Equal(Booking.From(request), await store.FindAsync(request.IdempotencyKey, None));
    }

    [Fact]
    public async Task Find_RowStoredWhenPricesWereDollarsOnly_ReadsItsFareAsUsDollars()
    {
        var table = _service.GetTableClient("ContractBookings");
        var store = StoreOn(table);
        var request = BookingRequests.For(riderId: "rider-" + Guid.NewGuid().ToString("N"), fare: 21.5m);
        await store.BookOnceAsync(request, None);
        var row = Assert.Single(table.Query<TableEntity>($"IdempotencyKey eq '{request.IdempotencyKey}'"));
        row.Remove("FareAmount");
        row.Remove("FareCurrency");
        row["FareUsd"] = "21.5";
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var found = await store.FindAsync(request.IdempotencyKey, None);

        Assert.Equal(new Money(21.5m, "USD"), found!.Quote.Price);
    }

    [Fact]
    public async Task Find_ACatalogDestination_ReturnsTheCatalogsPlace_WithItsGermanName()
    {
        // "Where is my ride" in German names the ride's destination as German does: the read-back booking is the
        // catalog's own place, names in other languages included, though the row stores only the English ones.
        Assert.True(PlaceCatalog.Default.TryGet("heathrow-airport", out var heathrow));
        var request = BookingRequests.For(destination: heathrow);
        var store = StoreOn(_service.GetTableClient("CatalogBookings"));

        await store.BookOnceAsync(request, None);
        var found = await store.FindAsync(request.IdempotencyKey, None);

        Assert.Same(heathrow, found!.Quote.Destination);
        Assert.Equal("Flughafen Heathrow", found.Quote.Destination.NameIn("de"));
    }

    [Fact]
    public async Task Find_DestinationOutsideTheCatalog_ReturnsThePlaceAsBooked()
    {
        var elsewhere = new Place("harbor-house", "Harbor House", "the Harbor House", new GeoPoint(47.6, -122.34), "Seattle", ["the harbor"]);
        var request = BookingRequests.For(destination: elsewhere);
        var store = StoreOn(_service.GetTableClient("ContractBookings"));

        await store.BookOnceAsync(request, None);
        var found = await store.FindAsync(request.IdempotencyKey, None);

        Assert.NotNull(found);
        Assert.Equal(elsewhere with { Aliases = [] }, found.Quote.Destination with { Aliases = [] });
        Assert.Equal(Booking.From(request) with { Quote = request.Quote with { Destination = found.Quote.Destination } }, found);
    }

    [Fact]
    public async Task AddBookingStore_AzuriteConnectionString_StoresInTheConfiguredTable()
    {
        using var provider = Services(new()
        {
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["Tables:BookingsTable"] = "RegisteredBookings",
        });
        var store = provider.GetRequiredService<IBookingStore>();
        var request = BookingRequests.For();

        await store.BookOnceAsync(request, None);

        Assert.IsType<AzureTablesBookingStore>(store);
        Assert.Equal(1, await CountAsync(_service.GetTableClient("RegisteredBookings"), $"IdempotencyKey eq '{request.IdempotencyKey}'"));
        var description = provider.GetRequiredService<BookingStoreDescription>();
        Assert.Contains($"table RegisteredBookings at {azurite.TableEndpoint}", description.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, description.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BookOnceAndFind_ServiceUnreachable_ThrowBookingStoreUnavailableAndLog()
    {
        var logger = new RecordingLogger<AzureTablesBookingStore>();
        using var provider = Services(
            new() { ["ConnectionStrings:Tables"] = ConnectionStringWithTablesAt(ClosedLoopbackPort()) },
            services => services.AddSingleton<ILogger<AzureTablesBookingStore>>(logger));
        var store = provider.GetRequiredService<IBookingStore>();

        await Assert.ThrowsAsync<BookingStoreUnavailableException>(() => store.BookOnceAsync(BookingRequests.For(), None));
        await Assert.ThrowsAsync<BookingStoreUnavailableException>(() => store.FindAsync(BookingRequests.NewKey(), None));
        await Assert.ThrowsAsync<BookingStoreUnavailableException>(() => store.FindActiveAsync(BookingRequests.RiderId, BookingRequests.Now, None));

        Assert.Equal(3, logger.Entries.Count(entry => entry.EventId.Id == 63 && entry.Level == LogLevel.Error));
    }

    [Fact]
    public async Task Forget_DeletesTheRidersBookingsEveryClaimEvenOneWithoutItsBookingAndTheLinks_AndNothingElse()
    {
        var table = _service.GetTableClient("ForgetBookings");
        var store = StoreOn(table);
        var (forgotten, kept, userKey) = ("rider/" + Guid.NewGuid().ToString("N") + "#?", "rider-" + Guid.NewGuid().ToString("N"), "user-" + Guid.NewGuid().ToString("N"));
        await store.BookOnceAsync(BookingRequests.For(riderId: forgotten), None);
        await store.BookOnceAsync(BookingRequests.For(riderId: forgotten), None);
        await store.BookOnceAsync(BookingRequests.For(riderId: kept), None);
        var orphan = BookingRequests.NewKey();
        await table.AddEntityAsync(new TableEntity("booking-keys", orphan) { ["RiderId"] = forgotten });
        await store.LinkAsync(new UserLink(userKey, "ride-session-1", forgotten), None);
        await store.LinkAsync(new UserLink(userKey, "ride-session-2", null), None);
        await store.RecordGrantedScopesAsync(userKey, ["alexa::profile:given_name:read"], "person-1", ["alexa::profile:mobile_number:read"], None);

        var records = await store.FindLinksAsync(userKey, None);
        var deleted = await store.ForgetAsync(records, None);
        var again = await store.ForgetAsync(await store.FindLinksAsync(userKey, None), None);

        Assert.Equal([forgotten], records.Riders);
        Assert.Equal(["ride-session-1", "ride-session-2"], records.Sessions.Order());
        Assert.Equal(2, deleted);
        Assert.Equal(0, again);
        Assert.Equal(0, await CountAsync(table, TableClient.CreateQueryFilter($"RiderId eq {forgotten}")));
        // The state row alone stays: alive, since this test forgets without a tombstone.
        Assert.Equal(1, await CountAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {"user-links-" + userKey}")));
        Assert.Equal(2, await CountAsync(table, TableClient.CreateQueryFilter($"RiderId eq {kept}")));
    }

    private static AzureTablesBookingStore StoreOn(TableClient table) =>
        new(table, PlaceCatalog.Default, NullLogger<AzureTablesBookingStore>.Instance);

    private static ServiceProvider Services(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        configure?.Invoke(services);
        services.AddBookingStore(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static async Task<int> CountAsync(TableClient table, string filter)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private async Task<bool> TableExistsAsync(string name)
    {
        await foreach (var _ in _service.QueryAsync(table => table.Name == name))
        {
            return true;
        }

        return false;
    }

    private static string ConnectionStringWithTablesAt(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};"
        + $"TableEndpoint=http://127.0.0.1:{port}/{AzuriteFixture.AccountName};";

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
