namespace RideHailer.Skill.Storage;

/// <summary>
/// The permission scopes an Alexa user has granted the skill, as the latest <c>SkillPermissionAccepted</c> or
/// <c>SkillPermissionChanged</c> event listed them (account and person level together). Kept by the booking store
/// under the user's key beside its links, so forgetting the user forgets these too.
/// </summary>
public interface IUserScopes
{
    /// <summary>Replaces what was recorded: the event lists every scope granted now, so one missing was revoked.</summary>
    Task RecordGrantedScopesAsync(string userKey, IReadOnlyList<string> scopes, CancellationToken cancellationToken);

    /// <summary>The scopes last recorded, or null when no permission event was recorded (or it was cleared).</summary>
    Task<IReadOnlyList<string>?> FindGrantedScopesAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Forgets the record, so the request's permissions and Alexa's APIs are the only truth again.</summary>
    Task ClearGrantedScopesAsync(string userKey, CancellationToken cancellationToken);
}
