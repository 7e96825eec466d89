namespace RideHailer.Bench.Load;

/// <summary>Whether a turn reached the instance that runs its session (holds its control-queue partition) or another one.</summary>
internal enum TurnRole
{
    /// <summary>The receiving instance held the session's partition when the turn was answered (always, on one instance).</summary>
    Owner,

    /// <summary>Another instance held it: the receiving instance could not see the session's saves.</summary>
    Other,

    /// <summary>No instance held it (a partition between owners, after a crash).</summary>
    Unowned,
}
