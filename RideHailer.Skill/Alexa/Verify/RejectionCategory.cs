namespace RideHailer.Skill.Alexa.Verify;

/// <summary>Why a request was refused, at the grain a dashboard needs; the exact reason goes to the log.</summary>
public enum RejectionCategory
{
    /// <summary>The signature, its certificate chain or the chain's URL did not verify.</summary>
    Signature,

    /// <summary>The request's timestamp is missing or outside Alexa's 150 second window.</summary>
    Timestamp,

    /// <summary>The request carries no application id, or another skill's.</summary>
    SkillId,

    /// <summary>Empty, oversized, not JSON, not an Alexa envelope, or missing its session or request id.</summary>
    Malformed,
}
