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

    /// <summary>The scopes the customer has granted now, account and person level together.</summary>
    public IReadOnlyList<string> GrantedScopes =>
        [.. (Body?.AcceptedPermissions ?? []).Concat(Body?.AcceptedPersonPermissions ?? [])
            .Select(permission => permission.Scope).OfType<string>().Distinct(StringComparer.Ordinal)];
}

/// <summary><c>events.skillevents.PermissionBody</c>; an account-linked event's <c>accessToken</c> is deliberately not read.</summary>
public sealed record SkillEventBody(IReadOnlyList<GrantedScope>? AcceptedPermissions, IReadOnlyList<GrantedScope>? AcceptedPersonPermissions);

/// <summary><c>events.skillevents.Permission</c>.</summary>
public sealed record GrantedScope(string? Scope);
