namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// The run's latest session as the durable backend holds it, read through the durable client: the orchestration's
/// runtime status, and from its custom status (the skill's <c>SessionStatus</c>) the step and the pending connection's token.
/// </summary>
/// <param name="InstanceId">The orchestration instance (the skill's <c>SessionInstanceId</c> for the session id).</param>
/// <param name="RuntimeStatus">Running, Completed, … or NotFound when the backend has no such instance (yet, or any more).</param>
/// <param name="LastRequestId">The request the latest published reply answers.</param>
internal sealed record SessionView(
    string SessionId,
    string InstanceId,
    string RuntimeStatus,
    string? Step,
    string? PendingConnection,
    string? LastRequestId,
    DateTimeOffset? LastUpdatedAt);
