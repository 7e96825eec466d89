namespace RideHailer.Domain.Flow;

/// <summary>The PIN result table's rows, with the policy already applied.</summary>
internal enum PinOutcome
{
    /// <summary>Achieved at the required level with a person present, or NotEnabled under Optional.</summary>
    Book,
    NotEnabledButMandatory,
    LockedOut,
    NotSetUp,
    NoMatch,
    NotVerified,
    ConnectionFailed,
}

internal static class PinOutcomes
{
    /// <summary>Reads the PIN resume into a row of the table under the configured policy and level.</summary>
    public static PinOutcome Classify(PinResolved result, ConversationSettings settings) => result.Verification switch
    {
        PinVerification.Achieved when result.PersonPresent && result.AchievedLevel >= settings.RequiredConfidenceLevel => PinOutcome.Book,
        PinVerification.NotEnabled => settings.PinPolicy == PinPolicy.Optional ? PinOutcome.Book : PinOutcome.NotEnabledButMandatory,
        PinVerification.LockedOut => PinOutcome.LockedOut,
        PinVerification.NotSetUp => PinOutcome.NotSetUp,
        PinVerification.NoMatch => PinOutcome.NoMatch,
        PinVerification.ConnectionFailed => PinOutcome.ConnectionFailed,
        _ => PinOutcome.NotVerified,
    };
}
