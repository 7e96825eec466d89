using RideHailer.Domain;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// The orchestration's input, both at the start of a session and at each ContinueAsNew, so a
/// new generation carries on exactly where the previous one stopped.
/// </summary>
public sealed record SessionInput(string SessionKey, ConversationSettings Settings, TimeSpan IdleTimeout)
{
    /// <summary>The request that started the session; null after ContinueAsNew.</summary>
    public TurnEvent? FirstTurn { get; init; }

    /// <summary>The conversation so far; null for a new session.</summary>
    public SessionState? State { get; init; }

    /// <summary>The last published replies, re-published by the next generation (a retried request finds its own there).</summary>
    public SessionStatus? LastStatus { get; init; }

    /// <summary>Who opened the session (the first turn's caller), carried across generations.</summary>
    public SessionCaller? Owner { get; init; }
}
