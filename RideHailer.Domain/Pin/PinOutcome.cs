namespace RideHailer.Domain.Pin;

/// <summary>The PIN result table's rows, with the policy already applied.</summary>
public enum PinOutcome
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
