namespace RideHailer.Skill.Telemetry;

/// <summary>How a turn was answered: what the workflow reports and the turn metrics and logs are tagged with.</summary>
public enum TurnAnswerKind
{
    /// <summary>The session answered (possibly with nothing to say).</summary>
    Replied,

    /// <summary>No answer within the session's reply timeout.</summary>
    TimedOut,

    /// <summary>The session's orchestration failed or was terminated.</summary>
    Failed,

    /// <summary>The host was too busy to let the turn in: it never reached its session.</summary>
    Shed,
}
