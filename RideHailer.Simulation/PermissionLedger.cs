using System.Collections.Concurrent;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Simulation;

/// <summary>
/// Alexa's record of what each rider has let the skill read, kept for the whole run as Alexa keeps it for good:
/// a scope granted by voice in one session, or in the Alexa app, is still granted in the next. Consent has two
/// levels: the account holder's (ACCOUNT) and each recognised speaker's own (PERSON); the person endpoints of the
/// Customer Profile API answer by the speaker's grants, the account endpoints and the device's location by the account's.
/// </summary>
public sealed class PermissionLedger
{
    public const string AccountLevel = "ACCOUNT";
    public const string PersonLevel = "PERSON";

    private readonly ConcurrentDictionary<string, byte> _grants = new(StringComparer.Ordinal);

    /// <summary>Grants <paramref name="scope"/> at <paramref name="consentLevel"/>, as an accepted consent does.</summary>
    public void Grant(string userId, string? personId, string scope, string consentLevel) =>
        _grants[Key(userId, consentLevel == PersonLevel ? personId : null, scope)] = 0;

    /// <summary>What accepting voice consent grants: each scope at the level the skill asked it at.</summary>
    public void Grant(string userId, string? personId, IEnumerable<(string Scope, string ConsentLevel)> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        foreach (var (scope, level) in scopes)
        {
            Grant(userId, personId, scope, level);
        }
    }

    /// <summary>What giving Ride Hailer permission in the Alexa app grants: every scope, for the account and the speaker.</summary>
    public void GrantInApp(string userId, string? personId, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        foreach (var scope in scopes)
        {
            Grant(userId, null, scope, AccountLevel);
            if (personId is not null && IsPersonScope(scope))
            {
                Grant(userId, personId, scope, PersonLevel);
            }
        }
    }

    /// <summary>What an earlier voice consent granted: name and number at the speaker's level, location at the account's.</summary>
    public void GrantByVoice(string userId, string? personId, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        foreach (var scope in scopes)
        {
            Grant(userId, personId, scope, personId is not null && IsPersonScope(scope) ? PersonLevel : AccountLevel);
        }
    }

    /// <summary>
    /// What changing Ride Hailer's permissions in the Alexa app leaves: exactly <paramref name="accountScopes"/> for the
    /// account and <paramref name="personScopes"/> for the speaker (<paramref name="personId"/>); whatever else either
    /// held is revoked. Other speakers of the account keep their own grants.
    /// </summary>
    public void Replace(string userId, string? personId, IEnumerable<string> accountScopes, IEnumerable<string> personScopes)
    {
        ArgumentNullException.ThrowIfNull(accountScopes);
        ArgumentNullException.ThrowIfNull(personScopes);
        foreach (var key in _grants.Keys.Where(key => key.StartsWith(Key(userId, null, ""), StringComparison.Ordinal) ||
                     (personId is not null && key.StartsWith(Key(userId, personId, ""), StringComparison.Ordinal))))
        {
            _grants.TryRemove(key, out _);
        }

        foreach (var scope in accountScopes)
        {
            Grant(userId, null, scope, AccountLevel);
        }

        if (personId is not null)
        {
            foreach (var scope in personScopes)
            {
                Grant(userId, personId, scope, PersonLevel);
            }
        }
    }

    /// <summary>What disabling the skill does to its permissions: every grant of the account and its speakers is gone.</summary>
    public void RevokeAll(string userId)
    {
        foreach (var key in _grants.Keys.Where(key => key.StartsWith(userId + "\n", StringComparison.Ordinal)))
        {
            _grants.TryRemove(key, out _);
        }
    }

    /// <summary>The scopes granted at the account level (<paramref name="personId"/> null) or the speaker's, in no particular order.</summary>
    public IReadOnlyList<string> GrantedScopes(string userId, string? personId)
    {
        var prefix = Key(userId, personId, "");
        return [.. _grants.Keys.Where(key => key.StartsWith(prefix, StringComparison.Ordinal)).Select(key => key[prefix.Length..])];
    }

    /// <summary>Whether the scope is granted at the account level (<paramref name="personId"/> null) or the speaker's.</summary>
    public bool IsGranted(string userId, string? personId, string scope) => _grants.ContainsKey(Key(userId, personId, scope));

    /// <summary>Name and mobile number can be a person's own; location and address belong to the device's account.</summary>
    public static bool IsPersonScope(string scope) =>
        scope is PermissionScopes.GivenName or PermissionScopes.FullName or PermissionScopes.MobileNumber;

    private static string Key(string userId, string? personId, string scope) => $"{userId}\n{personId}\n{scope}";
}
