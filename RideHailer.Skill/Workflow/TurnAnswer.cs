using RideHailer.Domain;

namespace RideHailer.Skill.Workflow;

/// <summary>What the session answered one turn with.</summary>
public sealed record TurnAnswer(TurnAnswerKind Kind, Reply? Reply = null)
{
    public static TurnAnswer Replied(Reply? reply) => new(TurnAnswerKind.Replied, reply);

    public static TurnAnswer TimedOut { get; } = new(TurnAnswerKind.TimedOut);

    public static TurnAnswer Failed { get; } = new(TurnAnswerKind.Failed);

    public static TurnAnswer Shed { get; } = new(TurnAnswerKind.Shed);
}

public enum TurnAnswerKind
{
    /// <summary>The session answered (possibly with nothing to say).</summary>
    Replied,

    /// <summary>No answer within <see cref="SessionOptions.ReplyTimeout"/>.</summary>
    TimedOut,

    /// <summary>The session's orchestration failed or was terminated.</summary>
    Failed,

    /// <summary>The host was too busy to let the turn in (<see cref="TurnAdmission"/>): it never reached its session.</summary>
    Shed,
}
