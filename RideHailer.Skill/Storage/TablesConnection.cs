using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace RideHailer.Skill.Storage;

/// <summary>
/// Where the bookings table lives, read from settings in this order: <c>ConnectionStrings:Tables</c> (a connection
/// string, or an https service URI reached with the app's identity), then the Functions storage connection,
/// <c>AzureWebJobsStorage</c> (connection string) or <c>AzureWebJobsStorage:tableServiceUri</c> (identity).
/// </summary>
internal sealed class TablesConnection
{
    public const string TablesSetting = "ConnectionStrings:Tables";
    public const string FunctionsStorageSetting = "AzureWebJobsStorage";
    public const string FunctionsTableUriSetting = "AzureWebJobsStorage:tableServiceUri";

    private readonly string? _connectionString;
    private readonly string? _managedIdentityClientId;

    private TablesConnection(string setting, Uri endpoint, string? connectionString, string? managedIdentityClientId)
    {
        Setting = setting;
        Endpoint = endpoint;
        _connectionString = connectionString;
        _managedIdentityClientId = managedIdentityClientId;
    }

    /// <summary>The setting the connection came from, for messages.</summary>
    public string Setting { get; }

    /// <summary>The table service's address, without any key or SAS.</summary>
    public Uri Endpoint { get; }

    public bool UsesIdentity => _connectionString is null;

    /// <summary>The configured connection, or null when no setting names one.</summary>
    public static TablesConnection? From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var clientId = configuration["AZURE_CLIENT_ID"];
        if (configuration[TablesSetting] is { } tables && !string.IsNullOrWhiteSpace(tables))
        {
            return Parse(TablesSetting, tables.Trim(), clientId);
        }

        if (configuration[FunctionsStorageSetting] is { } storage && !string.IsNullOrWhiteSpace(storage))
        {
            return Parse(FunctionsStorageSetting, storage.Trim(), clientId);
        }

        if (configuration[FunctionsTableUriSetting] is { } uri && !string.IsNullOrWhiteSpace(uri))
        {
            // The Functions host's own identity settings name the identity it uses for this account.
            return Parse(FunctionsTableUriSetting, uri.Trim(), configuration["AzureWebJobsStorage:clientId"] ?? clientId);
        }

        return null;
    }

    public TableServiceClient CreateServiceClient(TableClientOptions options) => _connectionString is not null
        ? new TableServiceClient(_connectionString, options)
        : new TableServiceClient(Endpoint, Credential(), options);

    private static TablesConnection Parse(string setting, string value, string? clientId)
    {
        if (!value.Contains('=', StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                throw new InvalidOperationException(
                    $"{setting} must be a storage connection string or an https table service URI "
                    + "(https://<account>.table.core.windows.net); use a connection string for Azurite.");
            }

            return new TablesConnection(setting, new Uri(uri.GetLeftPart(UriPartial.Path)), null, clientId);
        }

        TableServiceClient client;
        try
        {
            client = new TableServiceClient(value);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK names the bad keyword but not the setting; the value itself (it may hold a key) is never quoted.
            throw new InvalidOperationException($"{setting} is not a valid storage connection string: {exception.Message}", exception);
        }

        return new TablesConnection(setting, new Uri(client.Uri.GetLeftPart(UriPartial.Path)), value, null);
    }

    private DefaultAzureCredential Credential()
    {
        // DefaultAzureCredential reads AZURE_CLIENT_ID from the environment itself; settings from other sources
        // (and the Functions host's AzureWebJobsStorage:clientId) are passed on explicitly.
        var options = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(_managedIdentityClientId))
        {
            options.ManagedIdentityClientId = _managedIdentityClientId;
        }

        return new DefaultAzureCredential(options);
    }
}
