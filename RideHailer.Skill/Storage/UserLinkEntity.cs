using Azure;
using Azure.Data.Tables;

namespace RideHailer.Skill.Storage;

/// <summary>
/// One link row: partition by Alexa user key, one row per rider ("rider-…") and per session instance ("session-…"), and the granted scopes,
/// so all of a user's links are one partition query. Only opaque ids: the row key is the id itself.
/// </summary>
internal sealed class UserLinkEntity : ITableEntity
{
    /// <summary>User partitions start with "user-links-", which no rider partition ("rider-") or the claims partition can.</summary>
    public const string PartitionPrefix = "user-links-";

    public const string RiderPrefix = "rider-";

    public const string SessionPrefix = "session-";

    /// <summary>The one row of the user's granted scopes (<see cref="IUserScopes"/>), space-separated in <see cref="LinkedId"/>.</summary>
    public const string ScopesRow = "granted-scopes";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The rider id or instance id the row names, as given; the granted scopes in the scopes row.</summary>
    public string LinkedId { get; set; } = string.Empty;

    public static string PartitionFor(string userKey) => PartitionPrefix + TableKey.From(userKey);

    public static UserLinkEntity Rider(string userKey, string riderId) => new()
    {
        PartitionKey = PartitionFor(userKey),
        RowKey = RiderPrefix + TableKey.From(riderId),
        LinkedId = riderId,
    };

    public static UserLinkEntity Scopes(string userKey, IEnumerable<string> scopes) => new()
    {
        PartitionKey = PartitionFor(userKey),
        RowKey = ScopesRow,
        LinkedId = string.Join(' ', scopes),
    };

    public static UserLinkEntity Session(string userKey, string instanceId) => new()
    {
        PartitionKey = PartitionFor(userKey),
        RowKey = SessionPrefix + TableKey.From(instanceId),
        LinkedId = instanceId,
    };
}
