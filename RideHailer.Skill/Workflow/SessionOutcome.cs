using RideHailer.Domain;
using RideHailer.Domain.Replies;

namespace RideHailer.Skill.Workflow;

/// <summary>The orchestration's output: the conversation's final state, whose it was, and what a late turn hears.</summary>
public sealed record SessionOutcome(SessionState State)
{
    public SessionCaller? Owner { get; init; }

    /// <summary>
    /// What a turn arriving after the end hears from its owner (<see cref="Conversation.AfterTheEnd"/>), decided by
    /// the session as it finished, so nothing outside the orchestration decides a turn.
    /// </summary>
    public Reply? LateReply { get; init; }

    /// <summary>The outcome of a session that finished at <paramref name="state"/>.</summary>
    public static SessionOutcome Finished(SessionState state, SessionCaller? owner) =>
        new(state) { Owner = owner, LateReply = Conversation.AfterTheEnd(state) };
}
