using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;

namespace RideHailer.Skill.Storage;

public static class BookingStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBookingStore"/>: <see cref="AzureTablesBookingStore"/> when <c>ConnectionStrings:Tables</c>,
    /// <c>AzureWebJobsStorage</c> or <c>AzureWebJobsStorage:tableServiceUri</c> is set, else
    /// <see cref="InProcessBookingStore"/>; and a <see cref="BookingStoreDescription"/> saying which, for the host to print.
    /// A connection setting that is neither a connection string nor an https URI throws here, naming the setting.
    /// Both replace earlier registrations (a default in-process store), so the description always tells the truth
    /// whatever the call order; register a test double after this call. <see cref="IUserLinks"/> and <see cref="IUserScopes"/> are the registered store too.
    /// </summary>
    public static IServiceCollection AddBookingStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // The user links are kept by whichever booking store is registered last (a test's own included), because
        // forgetting a user deletes its bookings and its links together.
        services.RemoveAll<IUserLinks>().AddSingleton(provider => provider.GetRequiredService<IBookingStore>() as IUserLinks
            ?? throw new InvalidOperationException(
                "The registered IBookingStore keeps no user links: implement IUserLinks on it too, so a user who disables the skill can be forgotten."));
        services.RemoveAll<IUserScopes>().AddSingleton(provider => provider.GetRequiredService<IBookingStore>() as IUserScopes
            ?? throw new InvalidOperationException(
                "The registered IBookingStore keeps no granted scopes: implement IUserScopes on it too, so they are forgotten with the user."));

        services.RemoveAll<IRideEventReceipts>().AddSingleton(provider => provider.GetRequiredService<IBookingStore>() as IRideEventReceipts
            ?? throw new InvalidOperationException(
                "The registered IBookingStore keeps no ride event receipts: implement IRideEventReceipts on it too, so a provider's repeated event changes nothing."));

        var connection = TablesConnection.From(configuration);
        if (connection is null)
        {
            services.RemoveAll<IBookingStore>().AddSingleton<IBookingStore, InProcessBookingStore>();
            services.RemoveAll<BookingStoreDescription>().AddSingleton(BookingStoreDescription.InProcess);
            return services;
        }

        services.AddOptions<TablesOptions>()
            .Bind(configuration.GetSection(TablesOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TablesOptions>, TablesOptionsValidator>());

        services.RemoveAll<IBookingStore>().AddSingleton<IBookingStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TablesOptions>>().Value;
            var table = connection.CreateServiceClient(ClientOptions(options)).GetTableClient(options.BookingsTable);
            return new AzureTablesBookingStore(
                table,
                provider.GetService<PlaceCatalog>() ?? PlaceCatalog.Default,
                provider.GetRequiredService<ILogger<AzureTablesBookingStore>>());
        });
        services.RemoveAll<BookingStoreDescription>().AddSingleton(provider =>
        {
            var table = provider.GetRequiredService<IOptions<TablesOptions>>().Value.BookingsTable;
            var access = connection.UsesIdentity ? "signed in with DefaultAzureCredential" : "by connection string";
            return new BookingStoreDescription(
                $"Azure Tables (table {table} at {connection.Endpoint}, from {connection.Setting}, {access})",
                KeepsBookings: true);
        });
        return services;
    }

    private static TableClientOptions ClientOptions(TablesOptions options)
    {
        var client = new TableClientOptions();
        client.Retry.Mode = RetryMode.Exponential;
        client.Retry.MaxRetries = options.MaxRetries;
        client.Retry.Delay = TimeSpan.FromMilliseconds(200);
        client.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        client.Retry.NetworkTimeout = options.RequestTimeout;
        return client;
    }
}
