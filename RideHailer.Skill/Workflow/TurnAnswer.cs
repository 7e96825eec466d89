using RideHailer.Domain.Replies;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Skill.Workflow;

/// <summary>What the session answered one turn with.</summary>
/// <param name="Locale">The locale the session speaks, when the answer came from it.</param>
public sealed record TurnAnswer(TurnAnswerKind Kind, Reply? Reply = null, string? Locale = null)
{
    public static TurnAnswer Replied(Reply? reply, string? locale = null) => new(TurnAnswerKind.Replied, reply, locale);

    public static TurnAnswer TimedOut { get; } = new(TurnAnswerKind.TimedOut);

    public static TurnAnswer Failed { get; } = new(TurnAnswerKind.Failed);

    public static TurnAnswer Shed { get; } = new(TurnAnswerKind.Shed);
}
