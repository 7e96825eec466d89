using RideHailer.Domain;

namespace RideHailer.Skill.Workflow;

/// <summary>The orchestration's output: the conversation's final state.</summary>
public sealed record SessionOutcome(SessionState State);
