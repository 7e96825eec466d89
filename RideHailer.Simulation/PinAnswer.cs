using RideHailer.Skill.Alexa.Read;

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
        PinAnswer.Achieved or PinAnswer.AchievedBelowLevel => (ConnectionWords.Ok, "OK", ConnectionWords.Achieved, null),
        PinAnswer.NotEnabled => (ConnectionWords.Ok, "User didn't enable PIN confirmation for this skill.", ConnectionWords.NotEnabled, null),
        PinAnswer.Lockout => (ConnectionWords.Ok, "PIN confirmation is locked out.", ConnectionWords.NotAchieved, ConnectionWords.MethodLockout),
        PinAnswer.NotSetup => (ConnectionWords.Ok, "User didn't set up profile PIN.", ConnectionWords.NotAchieved, ConnectionWords.VerificationMethodNotSetUp),
        PinAnswer.NotMatch => (ConnectionWords.Ok, "PIN didn't match.", ConnectionWords.NotAchieved, ConnectionWords.NotMatch),
        PinAnswer.BadRequest => (ConnectionWords.BadRequest, "Bad request. The request was invalid.", null, null),
        PinAnswer.Forbidden => (ConnectionWords.Forbidden, "The requester was not allowed to invoke provider.", null, null),
        PinAnswer.NoProvider => (ConnectionWords.NotFound, "There are no providers available at this time.", null, null),
        PinAnswer.Error => (ConnectionWords.ServerError, "Server error.", null, null),
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };

    /// <summary>Whether Alexa asks for the PIN at all: not when the rider has none or has PIN confirmation off.</summary>
    public static bool AsksForPin(this PinAnswer answer) => answer is PinAnswer.Achieved or PinAnswer.AchievedBelowLevel or PinAnswer.NotMatch or PinAnswer.Lockout;

    /// <summary>What the rider says (in the session's language: German for a German locale), or what happens instead, for the transcript.</summary>
    public static string RiderTurn(this PinAnswer answer, string? locale = null) => (answer, SpokenLanguage.IsGerman(locale)) switch
    {
        (PinAnswer.Achieved, false) => "You: One two three four.",
        (PinAnswer.Achieved, true) => "You: Eins zwei drei vier.",
        (PinAnswer.AchievedBelowLevel, false) => "You: One two three four. (Alexa reports the speaker below the level asked for)",
        (PinAnswer.AchievedBelowLevel, true) => "You: Eins zwei drei vier. (Alexa reports the speaker below the level asked for)",
        (PinAnswer.NotMatch, false) => "You: One two three five.",
        (PinAnswer.NotMatch, true) => "You: Eins zwei drei fünf.",
        (PinAnswer.Lockout, false) => "You: Nine nine nine nine. (too many wrong PINs: Alexa locks PIN confirmation)",
        (PinAnswer.Lockout, true) => "You: Neun neun neun neun. (too many wrong PINs: Alexa locks PIN confirmation)",
        (PinAnswer.NotEnabled, _) => "(PIN confirmation is off for Ride Hailer in your Alexa app, so Alexa doesn't ask)",
        (PinAnswer.NotSetup, _) => "(you have no profile PIN, so Alexa can't ask for one)",
        (PinAnswer.BadRequest, _) => "(Alexa's PIN task finds the skill's request invalid)",
        (PinAnswer.Forbidden, _) => "(PIN confirmation is not configured for the skill, so Alexa refuses it)",
        (PinAnswer.NoProvider, _) => "(no PIN confirmation provider is available right now)",
        (PinAnswer.Error, _) => "(Alexa's PIN confirmation service fails)",
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };
}
