namespace RideHailer.Skill.Alexa.Read;

/// <summary>
/// Alexa's vocabulary for the two skill connections, as the seeds write it: the connection URIs, the status codes
/// of <c>cause.status.code</c>, and the statuses and reasons of <c>cause.result</c>. The reader, the response
/// renderer, the metrics and the simulation kit all use these; nothing else spells them.
/// </summary>
public static class ConnectionWords
{
    public const string ConsentUri = "connection://AMAZON.AskForPermissionsConsent/2";
    public const string PinUri = "connection://AMAZON.VerifyPerson/2";
    public const string VoicePinPolicy = "VOICE_PIN";

    public const string Ok = "200";
    public const string NoContent = "204";
    public const string BadRequest = "400";
    public const string Forbidden = "403";
    public const string NotFound = "404";
    public const string ServerError = "500";

    public const string Accepted = "ACCEPTED";
    public const string Denied = "DENIED";
    public const string NotAnswered = "NOT_ANSWERED";
    public const string RedirectToApp = "REDIRECT_TO_APP";

    public const string Achieved = "ACHIEVED";
    public const string NotAchieved = "NOT_ACHIEVED";
    public const string NotEnabled = "NOT_ENABLED";

    public const string MethodLockout = "METHOD_LOCKOUT";
    public const string VerificationMethodNotSetUp = "VERIFICATION_METHOD_NOT_SETUP";
    public const string NotMatch = "NOT_MATCH";
    public const string PrerequisiteNotSetUp = "PREREQUISITE_NOT_SETUP_ERROR";

    /// <summary>Every <c>cause.result.status</c> of the consent connection.</summary>
    public static IReadOnlyList<string> ConsentStatuses { get; } = [Accepted, Denied, NotAnswered, RedirectToApp];

    /// <summary>Every <c>cause.result.status</c> of the PIN connection.</summary>
    public static IReadOnlyList<string> PinStatuses { get; } = [Achieved, NotAchieved, NotEnabled];

    /// <summary>Every <c>cause.result.reason</c> of a PIN NOT_ACHIEVED that the seed names.</summary>
    public static IReadOnlyList<string> PinReasons { get; } = [MethodLockout, VerificationMethodNotSetUp, NotMatch, PrerequisiteNotSetUp];
}
