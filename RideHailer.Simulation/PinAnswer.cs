namespace RideHailer.Simulation;

/// <summary>How the PIN confirmation ends, as chosen with <c>--pin</c> or at the prompt.</summary>
public enum PinAnswer
{
    Achieved,

    /// <summary><c>ACHIEVED</c>, yet <c>context.System.person</c> reports a level below the 400 the skill asked for.</summary>
    AchievedBelowLevel,
    NotEnabled,
    Lockout,
    NotSetup,
    NotMatch,
    BadRequest,
    Forbidden,
    NoProvider,
    Error,
}

/// <summary>The <c>--pin</c> values and what Alexa's VerifyPerson task reports for each.</summary>
public static class PinAnswers
{
    public static readonly IReadOnlyDictionary<string, PinAnswer> ByFlag = new Dictionary<string, PinAnswer>(StringComparer.Ordinal)
    {
        ["achieved"] = PinAnswer.Achieved,
        ["achieved-below-level"] = PinAnswer.AchievedBelowLevel,
        ["not-enabled"] = PinAnswer.NotEnabled,
        ["lockout"] = PinAnswer.Lockout,
        ["not-setup"] = PinAnswer.NotSetup,
        ["not-match"] = PinAnswer.NotMatch,
        ["bad-request"] = PinAnswer.BadRequest,
        ["forbidden"] = PinAnswer.Forbidden,
        ["no-provider"] = PinAnswer.NoProvider,
        ["error"] = PinAnswer.Error,
    };

    public static string Flag(this PinAnswer answer) => ByFlag.Single(pair => pair.Value == answer).Key;

    /// <summary><c>cause.status</c> and <c>cause.result</c> (status null: no result) per the PIN confirmation guide.</summary>
    public static (string Code, string Message, string? Status, string? Reason) Outcome(this PinAnswer answer) => answer switch
    {
        PinAnswer.Achieved or PinAnswer.AchievedBelowLevel => ("200", "OK", "ACHIEVED", null),
        PinAnswer.NotEnabled => ("200", "User didn't enable PIN confirmation for this skill.", "NOT_ENABLED", null),
        PinAnswer.Lockout => ("200", "PIN confirmation is locked out.", "NOT_ACHIEVED", "METHOD_LOCKOUT"),
        PinAnswer.NotSetup => ("200", "User didn't set up profile PIN.", "NOT_ACHIEVED", "VERIFICATION_METHOD_NOT_SETUP"),
        PinAnswer.NotMatch => ("200", "PIN didn't match.", "NOT_ACHIEVED", "NOT_MATCH"),
        PinAnswer.BadRequest => ("400", "Bad request. The request was invalid.", null, null),
        PinAnswer.Forbidden => ("403", "The requester was not allowed to invoke provider.", null, null),
        PinAnswer.NoProvider => ("404", "There are no providers available at this time.", null, null),
        PinAnswer.Error => ("500", "Server error.", null, null),
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };

    /// <summary>Whether Alexa asks for the PIN at all: not when the rider has none or has PIN confirmation off.</summary>
    public static bool AsksForPin(this PinAnswer answer) => answer is PinAnswer.Achieved or PinAnswer.AchievedBelowLevel or PinAnswer.NotMatch or PinAnswer.Lockout;

    /// <summary>What the rider says (or what happens instead), for the transcript.</summary>
    public static string RiderTurn(this PinAnswer answer) => answer switch
    {
        PinAnswer.Achieved => "You: One two three four.",
        PinAnswer.AchievedBelowLevel => "You: One two three four. (Alexa reports the speaker below the level asked for)",
        PinAnswer.NotMatch => "You: One two three five.",
        PinAnswer.Lockout => "You: Nine nine nine nine. (too many wrong PINs: Alexa locks PIN confirmation)",
        PinAnswer.NotEnabled => "(PIN confirmation is off for Ride Hailer in your Alexa app, so Alexa doesn't ask)",
        PinAnswer.NotSetup => "(you have no profile PIN, so Alexa can't ask for one)",
        PinAnswer.BadRequest => "(Alexa's PIN task finds the skill's request invalid)",
        PinAnswer.Forbidden => "(PIN confirmation is not configured for the skill, so Alexa refuses it)",
        PinAnswer.NoProvider => "(no PIN confirmation provider is available right now)",
        PinAnswer.Error => "(Alexa's PIN confirmation service fails)",
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };
}
