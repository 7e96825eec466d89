using RideHailer.Domain;

namespace RideHailer.Skill.Workflow;

/// <summary>The orchestration's output: the conversation's final state, and whose it was.</summary>
public sealed record SessionOutcome(SessionState State)
{
    public SessionCaller? Owner { get; init; }
}
