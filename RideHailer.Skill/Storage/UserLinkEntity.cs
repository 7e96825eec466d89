using Azure;
using Azure.Data.Tables;

namespace RideHailer.Skill.Storage;

/// <summary>
/// One link row: partition by Alexa user key, one row per rider ("rider-…") and per session instance ("session-…"), the granted
/// scopes (the account's, and one row per person: "person-scopes-…"), and the user's state row, so all of a user's links are one
/// partition query. Only opaque ids: the row key is the id itself. The state row is every write's guard: each write to the
/// partition goes in one transaction with it, conditioned on its ETag, and a tombstone is that row with
/// <see cref="ForgottenUntil"/> set, so a tombstone and a write racing it cannot both succeed unseen. Each tombstone also has
/// a row in the <see cref="ForgottenPartition"/>, where the sweep finds the expired ones with one query.
/// </summary>
internal sealed class UserLinkEntity : ITableEntity
{
    /// <summary>User partitions start with "user-links-", which no rider partition ("rider-") or the claims partition can.</summary>
    public const string PartitionPrefix = "user-links-";

    public const string RiderPrefix = "rider-";

    public const string SessionPrefix = "session-";

    /// <summary>One row per person whose own grants a permission event reported, by the person's opaque key.</summary>
    public const string PersonScopesPrefix = "person-scopes-";

    /// <summary>The user's state row: the guard of every write to the partition, and its tombstone once forgotten.</summary>
    public const string StateRow = "state";

    /// <summary>Where each tombstone is indexed by expiry for the sweep; no user partition ("user-links-…") can be named so.</summary>
    public const string ForgottenPartition = "forgotten-users";

    /// <summary>The one row of the user's granted scopes (<see cref="IUserScopes"/>), space-separated in <see cref="LinkedId"/>.</summary>
    public const string ScopesRow = "granted-scopes";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The rider id or instance id the row names, as given; the granted scopes in the scopes row.</summary>
    public string LinkedId { get; set; } = string.Empty;

    /// <summary>On the state row and its index row: until when the user's tombstone is kept; null while the user is not forgotten.</summary>
    public DateTimeOffset? ForgottenUntil { get; set; }

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

    public static UserLinkEntity PersonScopes(string userKey, string personKey, IEnumerable<string> scopes) => new()
    {
        PartitionKey = PartitionFor(userKey),
        RowKey = PersonScopesPrefix + TableKey.From(personKey),
        LinkedId = string.Join(' ', scopes),
    };

    /// <summary>The user's state row: alive (<paramref name="forgottenUntil"/> null) or the tombstone.</summary>
    public static UserLinkEntity State(string userKey, DateTimeOffset? forgottenUntil) => new()
    {
        PartitionKey = PartitionFor(userKey),
        RowKey = StateRow,
        ForgottenUntil = forgottenUntil,
    };

    /// <summary>The tombstone's index row: the user's key (in <see cref="LinkedId"/>) and the expiry, nothing else.</summary>
    public static UserLinkEntity ForgottenIndex(string userKey, DateTimeOffset until) => new()
    {
        PartitionKey = ForgottenPartition,
        RowKey = TableKey.From(userKey),
        LinkedId = userKey,
        ForgottenUntil = until,
    };

    public static UserLinkEntity Session(string userKey, string instanceId) => new()
    {
        PartitionKey = PartitionFor(userKey),
        RowKey = SessionPrefix + TableKey.From(instanceId),
        LinkedId = instanceId,
    };
}
