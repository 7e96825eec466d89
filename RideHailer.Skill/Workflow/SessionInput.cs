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

    /// <summary>
    /// Whether the session answers from the reads the edge ran ahead (<see cref="TurnEvent.ReadAhead"/>). Set by the code
    /// that starts it, so a session started by a version that ran every read as an activity does so on every replay; and
    /// cleared once the session has booked or cancelled a ride, since a read taken at the edge may predate that write (a
    /// turn queued behind one that is still being applied).
    /// </summary>
    public bool TakesReadsAhead { get; init; }
}
