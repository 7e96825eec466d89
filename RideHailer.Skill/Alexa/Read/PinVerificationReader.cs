using RideHailer.Domain.Pin;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>Reads the PIN connection's <c>cause.status.code</c>, <c>cause.result.status</c> and <c>.reason</c> into the Domain's verification.</summary>
public static class PinVerificationReader
{
    /// <summary>Any code but 200 is a failed connection; a status or reason the skill does not know is "not verified".</summary>
    public static PinVerification Read(string? code, string? status, string? reason)
    {
        if (code?.Trim() != ConnectionWords.Ok)
        {
            return PinVerification.ConnectionFailed;
        }

        return status?.Trim().ToUpperInvariant() switch
        {
            ConnectionWords.Achieved => PinVerification.Achieved,
            ConnectionWords.NotEnabled => PinVerification.NotEnabled,
            ConnectionWords.NotAchieved => reason?.Trim().ToUpperInvariant() switch
            {
                ConnectionWords.MethodLockout => PinVerification.LockedOut,
                ConnectionWords.VerificationMethodNotSetUp => PinVerification.NotSetUp,
                ConnectionWords.NotMatch => PinVerification.NoMatch,
                _ => PinVerification.NotAchieved,
            },
            _ => PinVerification.NotAchieved,
        };
    }
}
