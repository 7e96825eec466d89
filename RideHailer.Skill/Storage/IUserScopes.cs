namespace RideHailer.Skill.Storage;

/// <summary>
/// The permission scopes an Alexa user has granted the skill, as the latest <c>SkillPermissionAccepted</c> or
/// <c>SkillPermissionChanged</c> event listed them: the account's (<c>acceptedPermissions</c>), and each recognised
/// person's own (<c>acceptedPersonPermissions</c>, which Alexa sends only with the person the event names), kept apart as
/// Amazon's model keeps them, so one person's grant or revocation is never taken for another's. Kept by the booking store
/// under the user's key beside its links, so forgetting the user forgets these too. Every key is opaque.
/// </summary>
public interface IUserScopes
{
    /// <summary>
    /// Replaces what was recorded for the account (the event lists every scope granted now, so one missing was revoked)
    /// and, when <paramref name="personKey"/> is given, that person's own record: <paramref name="personScopes"/>, or
    /// nothing recorded when null (the API is the truth for them then). False, with nothing written, when the user was
    /// forgotten (<see cref="IUserLinks.MarkForgottenAsync"/>).
    /// </summary>
    Task<bool> RecordGrantedScopesAsync(
        string userKey, IReadOnlyList<string> accountScopes, string? personKey, IReadOnlyList<string>? personScopes, CancellationToken cancellationToken);

    /// <summary>The scopes last recorded for the account and for <paramref name="personKey"/>; each null when none is recorded.</summary>
    Task<ReportedGrants> FindGrantedScopesAsync(string userKey, string? personKey, CancellationToken cancellationToken);

    /// <summary>Forgets the account's record and the person's, so the request's permissions and Alexa's APIs are the only truth again.</summary>
    Task ClearGrantedScopesAsync(string userKey, string? personKey, CancellationToken cancellationToken);
}

/// <summary>What the user's permission events said: the account's scopes and the speaking person's, each null when unknown.</summary>
public sealed record ReportedGrants(IReadOnlyList<string>? Account, IReadOnlyList<string>? Person)
{
    public static ReportedGrants None { get; } = new(null, null);

    public bool IsEmpty => Account is null && Person is null;
}
