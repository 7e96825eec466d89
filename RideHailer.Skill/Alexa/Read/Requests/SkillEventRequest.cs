namespace RideHailer.Skill.Alexa.Read.Requests;

/// <summary>
/// An <c>AlexaSkillEvent.*</c> request (npm <c>ask-sdk-model</c> <c>events.skillevents</c>): something the customer did
/// in the Alexa app (enabled or disabled the skill, granted or changed permissions, linked an account), sent to the
/// same endpoint outside any session. The user is <c>context.System.user.userId</c>.
/// </summary>
/// <param name="Type">The full request type, e.g. <c>AlexaSkillEvent.SkillDisabled</c>.</param>
/// <param name="Body">The permission events' <c>acceptedPermissions</c> and <c>acceptedPersonPermissions</c>; null for the others.</param>
public sealed record SkillEventRequest(string Type, SkillEventBody? Body) : SkillRequest
{
    public const string TypePrefix = "AlexaSkillEvent.";
    public const string SkillEnabled = TypePrefix + "SkillEnabled";
    public const string SkillDisabled = TypePrefix + "SkillDisabled";
    public const string SkillPermissionAccepted = TypePrefix + "SkillPermissionAccepted";
    public const string SkillPermissionChanged = TypePrefix + "SkillPermissionChanged";
    public const string SkillAccountLinked = TypePrefix + "SkillAccountLinked";

    /// <summary>When Alexa created the event; it may be delivered (<see cref="SkillRequest.Timestamp"/>) up to an hour later.</summary>
    public DateTimeOffset? EventCreationTime { get; init; }

    /// <summary>The scopes granted now at the account level (<c>acceptedPermissions</c>); empty when none are.</summary>
    public IReadOnlyList<string> AccountScopes => ScopesOf(Body?.AcceptedPermissions) ?? [];

    /// <summary>
    /// The scopes the person the event names (<c>context.System.person</c>) has granted now at the person level
    /// (<c>acceptedPersonPermissions</c>, "only present if the request contains the person object", ask-sdk-model); null
    /// when the event carries no such list.
    /// </summary>
    public IReadOnlyList<string>? PersonScopes => ScopesOf(Body?.AcceptedPersonPermissions);

    private static string[]? ScopesOf(IReadOnlyList<GrantedScope>? permissions) => permissions is null
        ? null
        : [.. permissions.Select(permission => permission.Scope).OfType<string>().Distinct(StringComparer.Ordinal)];
}

/// <summary><c>events.skillevents.PermissionBody</c>; an account-linked event's <c>accessToken</c> is deliberately not read.</summary>
public sealed record SkillEventBody(IReadOnlyList<GrantedScope>? AcceptedPermissions, IReadOnlyList<GrantedScope>? AcceptedPersonPermissions);

/// <summary><c>events.skillevents.Permission</c>.</summary>
public sealed record GrantedScope(string? Scope);
