using RideHailer.Domain;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>Reads the PIN connection's <c>cause.status.code</c>, <c>cause.result.status</c> and <c>.reason</c> into the Domain's verification.</summary>
public static class PinVerificationReader
{
    /// <summary>Any code but 200 is a failed connection; a status or reason the skill does not know is "not verified".</summary>
    public static PinVerification Read(string? code, string? status, string? reason)
    {
        if (code?.Trim() != "200")
        {
            return PinVerification.ConnectionFailed;
        }

        return status?.Trim().ToUpperInvariant() switch
        {
            "ACHIEVED" => PinVerification.Achieved,
            "NOT_ENABLED" => PinVerification.NotEnabled,
            "NOT_ACHIEVED" => reason?.Trim().ToUpperInvariant() switch
            {
                "METHOD_LOCKOUT" => PinVerification.LockedOut,
                "VERIFICATION_METHOD_NOT_SETUP" => PinVerification.NotSetUp,
                "NOT_MATCH" => PinVerification.NoMatch,
                _ => PinVerification.NotAchieved,
            },
            _ => PinVerification.NotAchieved,
        };
    }
}
