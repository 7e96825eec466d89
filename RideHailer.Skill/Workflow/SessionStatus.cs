using RideHailer.Domain;
using RideHailer.Domain.Replies;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// The orchestration's custom status: the reply to the latest request, and the replies to the few before it.
/// The endpoint waits for the status that names its own request id; a retried request finds its reply here,
/// whether it is the latest or an earlier one, and never reaches the session again.
/// <see cref="Reply"/> is null when there was nothing to say.
/// </summary>
public sealed record SessionStatus(string RequestId, Reply? Reply)
{
    /// <summary>How many answered requests a session remembers, the latest included.</summary>
    internal const int Remembered = 8;

    /// <summary>The locale the session speaks, which its replies are rendered in.</summary>
    public string? Locale { get; init; }

    /// <summary>
    /// Where the conversation stands after this reply, and the token of the connection it waits for: not needed to
    /// answer a request, but what anyone reading the instance (the DevHost's console, a durable dashboard) asks first.
    /// </summary>
    public SessionStep? Step { get; init; }

    /// <inheritdoc cref="Step"/>
    public string? PendingConnection { get; init; }

    /// <summary>The requests answered before <see cref="RequestId"/>, oldest first.</summary>
    public IReadOnlyList<SessionStatus> Earlier { get; init; } = [];

    /// <summary>Whether <paramref name="requestId"/> has been answered, and with what.</summary>
    public bool TryFind(string requestId, out Reply? reply)
    {
        var answered = RequestId == requestId ? this : Earlier.FirstOrDefault(earlier => earlier.RequestId == requestId);
        reply = answered?.Reply;
        return answered is not null;
    }

    /// <summary>
    /// The status after answering <paramref name="requestId"/>: this one's request and reply become the latest of the
    /// earlier ones. Only they are kept there: the step and pending token describe the session now, not then.
    /// </summary>
    public SessionStatus Then(string requestId, Reply? reply) =>
        new(requestId, reply) { Earlier = [.. Earlier.TakeLast(Remembered - 2), new SessionStatus(RequestId, Reply)] };
}
