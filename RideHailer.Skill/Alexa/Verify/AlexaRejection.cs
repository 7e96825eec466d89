namespace RideHailer.Skill.Alexa.Verify;

/// <summary>Why a request is not a valid Alexa request for this skill: a 400, counted by category, its reason logged.</summary>
/// <param name="Category">The dashboard's grain.</param>
/// <param name="Reason">Which check failed; a fixed short text that quotes nothing of the request.</param>
public sealed record AlexaRejection(RejectionCategory Category, string Reason)
{
    /// <summary>
    /// What the caller is told: a malformed request hears why (the reason names no input), one that failed
    /// verification learns nothing that would help forge the next.
    /// </summary>
    public string PublicReason => Category == RejectionCategory.Malformed ? Reason : "request verification failed";
}
