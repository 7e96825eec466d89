namespace RideHailer.Skill.Alexa.Read;

/// <summary>
/// One entry of <c>permissionScopes</c>: a scope and the level (<c>ACCOUNT</c> or <c>PERSON</c>) consent
/// is asked at. Used by the consent directive's input and echoed back in its result.
/// </summary>
public sealed record RequestedScope(string PermissionScope, string ConsentLevel)
{
    public const string AccountLevel = "ACCOUNT";
    public const string PersonLevel = "PERSON";
}
