namespace RideHailer.Domain.Flow;

/// <summary>The PIN result table's rows, with the policy already applied.</summary>
internal enum PinOutcome
{
    /// <summary>ACHIEVED at the required level with a person present, or NOT_ENABLED under Optional.</summary>
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
    public static PinOutcome Classify(PinResolved result, ConversationSettings settings)
    {
        if (result.Code?.Trim() != "200")
        {
            return PinOutcome.ConnectionFailed;
        }

        return result.Status?.Trim().ToUpperInvariant() switch
        {
            "ACHIEVED" when result.PersonPresent && result.AchievedLevel >= settings.RequiredConfidenceLevel => PinOutcome.Book,
            "NOT_ENABLED" => settings.PinPolicy == PinPolicy.Optional ? PinOutcome.Book : PinOutcome.NotEnabledButMandatory,
            "NOT_ACHIEVED" => result.Reason?.Trim().ToUpperInvariant() switch
            {
                "METHOD_LOCKOUT" => PinOutcome.LockedOut,
                "VERIFICATION_METHOD_NOT_SETUP" => PinOutcome.NotSetUp,
                "NOT_MATCH" => PinOutcome.NoMatch,
                _ => PinOutcome.NotVerified,
            },
            _ => PinOutcome.NotVerified,
        };
    }
}
