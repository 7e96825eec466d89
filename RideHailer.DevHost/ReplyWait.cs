namespace RideHailer.DevHost;

/// <summary>How a request waits for the reply its session publishes.</summary>
internal enum ReplyWait
{
    /// <summary>The sidecar hands each save to the waiting request; reads follow only when none is seen in time.</summary>
    Signal,

    /// <summary>Reads the session back on the Functions host's schedule (<see cref="RideHailer.Skill.Workflow.PollingOnly"/>), so the bench measures that wait on this engine.</summary>
    Polling,
}
