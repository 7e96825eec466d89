using RideHailer.Domain;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Skill.Workflow;

/// <summary>What the session answered one turn with.</summary>
public sealed record TurnAnswer(TurnAnswerKind Kind, Reply? Reply = null)
{
    public static TurnAnswer Replied(Reply? reply) => new(TurnAnswerKind.Replied, reply);

    public static TurnAnswer TimedOut { get; } = new(TurnAnswerKind.TimedOut);

    public static TurnAnswer Failed { get; } = new(TurnAnswerKind.Failed);

    public static TurnAnswer Shed { get; } = new(TurnAnswerKind.Shed);
}
