using RideHailer.Domain;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// The orchestration instance id for an Alexa session: a fixed-length hash, so it is a safe key for
/// every durable backend whatever the session id contains, and the same for every request of the session.
/// </summary>
public static class SessionInstanceId
{
    public static string For(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return StableHash.Hex("ride-", sessionId, 40);
    }
}
