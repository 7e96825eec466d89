using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Storage;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Storage;

/// <summary>Which store AddBookingStore chooses, and what it tells the host. Nothing here touches the network.</summary>
public sealed class BookingStoreRegistrationTests
{
    private const string TableEndpoint = "http://127.0.0.1:10102/devstoreaccount1";

    private static readonly string ConnectionString =
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};TableEndpoint={TableEndpoint};";

    [Fact]
    public void AddBookingStore_NoConnection_RegistersTheInProcessStore()
    {
        using var provider = Services([]);

        Assert.IsType<InProcessBookingStore>(provider.GetRequiredService<IBookingStore>());
        var description = provider.GetRequiredService<BookingStoreDescription>();
        Assert.False(description.KeepsBookings);
        Assert.StartsWith("in-process", description.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBookingStore_TablesConnectionString_RegistersTablesAndDescribesThemWithoutTheKey()
    {
        using var provider = Services(new() { ["ConnectionStrings:Tables"] = ConnectionString });

        Assert.IsType<AzureTablesBookingStore>(provider.GetRequiredService<IBookingStore>());
        var description = provider.GetRequiredService<BookingStoreDescription>();
        Assert.True(description.KeepsBookings);
        Assert.Equal(
            $"Azure Tables (table Bookings at {TableEndpoint}, from ConnectionStrings:Tables, by connection string)",
            description.Text);
        Assert.DoesNotContain(AzuriteFixture.AccountKey, description.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBookingStore_DevelopmentStorage_UsesAzuritesDefaultTablePort()
    {
        using var provider = Services(new() { ["ConnectionStrings:Tables"] = "UseDevelopmentStorage=true" });

        Assert.IsType<AzureTablesBookingStore>(provider.GetRequiredService<IBookingStore>());
        Assert.Contains("at http://127.0.0.1:10002/devstoreaccount1,", provider.GetRequiredService<BookingStoreDescription>().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBookingStore_SasConnectionString_DescriptionHasNoSignature()
    {
        using var provider = Services(new()
        {
            ["ConnectionStrings:Tables"] = "TableEndpoint=https://ridehailer.table.core.windows.net/;SharedAccessSignature=sv=2019-02-02&ss=t&srt=sco&sp=rwdlacu&se=2030-01-01T00:00:00Z&sig=c2VjcmV0",
        });

        var text = provider.GetRequiredService<BookingStoreDescription>().Text;

        Assert.Contains("https://ridehailer.table.core.windows.net/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBookingStore_TablesServiceUri_RegistersTablesSignedInWithTheAppsIdentity()
    {
        using var provider = Services(new()
        {
            ["ConnectionStrings:Tables"] = "https://ridehailer.table.core.windows.net",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.IsType<AzureTablesBookingStore>(provider.GetRequiredService<IBookingStore>());
        Assert.Equal(
            "Azure Tables (table Bookings at https://ridehailer.table.core.windows.net/, from ConnectionStrings:Tables, signed in with DefaultAzureCredential)",
            provider.GetRequiredService<BookingStoreDescription>().Text);
    }

    [Fact]
    public void AddBookingStore_OnlyFunctionsStorageConnectionString_UsesIt()
    {
        using var provider = Services(new() { ["AzureWebJobsStorage"] = ConnectionString });

        Assert.IsType<AzureTablesBookingStore>(provider.GetRequiredService<IBookingStore>());
        Assert.Contains($"at {TableEndpoint}, from AzureWebJobsStorage,", provider.GetRequiredService<BookingStoreDescription>().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBookingStore_OnlyFunctionsStorageIdentitySettings_UsesTheTableServiceUri()
    {
        // As the Flex Consumption app sets them: AzureWebJobsStorage__credential, __clientId, __tableServiceUri.
        using var provider = Services(new()
        {
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://ridehailer.blob.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://ridehailer.table.core.windows.net",
        });

        Assert.IsType<AzureTablesBookingStore>(provider.GetRequiredService<IBookingStore>());
        Assert.Contains(
            "at https://ridehailer.table.core.windows.net/, from AzureWebJobsStorage:tableServiceUri, signed in with DefaultAzureCredential",
            provider.GetRequiredService<BookingStoreDescription>().Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AddBookingStore_TablesAndFunctionsStorageBothSet_PrefersTables()
    {
        using var provider = Services(new()
        {
            ["ConnectionStrings:Tables"] = "https://bookings.table.core.windows.net",
            ["AzureWebJobsStorage"] = ConnectionString,
        });

        Assert.Contains("at https://bookings.table.core.windows.net/, from ConnectionStrings:Tables", provider.GetRequiredService<BookingStoreDescription>().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://ridehailer.table.core.windows.net")]
    [InlineData("ridehailer.table.core.windows.net")]
    [InlineData("AccountName=devstoreaccount1;NotAKey")]
    public void AddBookingStore_UnusableConnection_ThrowsNamingTheSetting(string value)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Services(new() { ["ConnectionStrings:Tables"] = value }));

        Assert.Contains("ConnectionStrings:Tables", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBookingStore_AfterADefaultInProcessStore_ReplacesIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Tables"] = ConnectionString }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IBookingStore, InProcessBookingStore>();

        using var provider = services.AddBookingStore(configuration).BuildServiceProvider(validateScopes: true);

        Assert.IsType<AzureTablesBookingStore>(provider.GetRequiredService<IBookingStore>());
        Assert.Single(services, service => service.ServiceType == typeof(IBookingStore));
    }

    [Fact]
    public void AddBookingStore_CustomTable_IsDescribed()
    {
        using var provider = Services(new() { ["ConnectionStrings:Tables"] = ConnectionString, ["Tables:BookingsTable"] = "RideBookings" });

        Assert.Contains("table RideBookings at", provider.GetRequiredService<BookingStoreDescription>().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tables:BookingsTable", "ride-bookings")]
    [InlineData("Tables:BookingsTable", "1Bookings")]
    [InlineData("Tables:RequestTimeout", "00:00:00")]
    [InlineData("Tables:MaxRetries", "9")]
    public void AddBookingStore_BadTablesSetting_FailsValidationNamingIt(string setting, string value)
    {
        using var provider = Services(new() { ["ConnectionStrings:Tables"] = ConnectionString, [setting] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TablesOptions>>().Value);

        Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddBookingStore(configuration).BuildServiceProvider(validateScopes: true);
    }
}
