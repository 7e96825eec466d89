using RideHailer.Domain;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// The orchestration's custom status: the reply to one request. The endpoint polls for the status that
/// names its own request id. <see cref="Reply"/> is null when there was nothing to say.
/// </summary>
public sealed record SessionStatus(string RequestId, Reply? Reply);
