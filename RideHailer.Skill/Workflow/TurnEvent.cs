using RideHailer.Domain;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// One Alexa request as the orchestration sees it: the request id (for de-duplication), the domain turn
/// and the rider facts loaded at the edge. Never a credential.
/// </summary>
public sealed record TurnEvent(string RequestId, Turn Turn, RiderFacts Rider)
{
    /// <summary>The request's locale; the session speaks the one its first turn had.</summary>
    public string? Locale { get; init; }

    /// <summary>Who sent it; the session answers only the caller who opened it.</summary>
    public SessionCaller? Caller { get; init; }

    /// <summary>
    /// The Alexa user's opaque key (<see cref="Storage.AlexaUserKey"/>), handed to the booking so it is refused once the
    /// user is forgotten (<see cref="BookRideActivity"/>); null when the request named no user.
    /// </summary>
    public string? UserKey { get; init; }

    /// <summary>
    /// Whether Alexa marks the request as the first of its session (<c>session.new</c>). Only such a request may
    /// start a session: any other naming a session that is not there asks one already finished and forgotten.
    /// </summary>
    public bool OpensSession { get; init; } = true;

    /// <summary>
    /// The reads the edge ran ahead of the session for this turn (<see cref="TurnReadAhead"/>); the session runs a command's
    /// activity when its result is not here or not to be taken (<see cref="SessionInput.TakesReadsAhead"/>).
    /// </summary>
    public IReadOnlyList<ReadAheadResult> ReadAhead { get; init; } = [];
}
