namespace RideHailer.Domain.Pin;

/// <summary>What the PIN connection reported: what it said of the speaker, the level reached (when known), and whether a person was recognised.</summary>
public sealed record PinResult(PinVerification Verification, int? AchievedLevel, bool PersonPresent)
{
    /// <summary>The row of the PIN result table this result is, under <paramref name="policy"/> and the level the skill asked for.</summary>
    public PinOutcome Classify(PinPolicy policy, int requiredLevel) => Verification switch
    {
        PinVerification.Achieved when PersonPresent && AchievedLevel >= requiredLevel => PinOutcome.Book,
        PinVerification.NotEnabled => policy == PinPolicy.Optional ? PinOutcome.Book : PinOutcome.NotEnabledButMandatory,
        PinVerification.LockedOut => PinOutcome.LockedOut,
        PinVerification.NotSetUp => PinOutcome.NotSetUp,
        PinVerification.NoMatch => PinOutcome.NoMatch,
        PinVerification.ConnectionFailed => PinOutcome.ConnectionFailed,
        _ => PinOutcome.NotVerified,
    };
}
