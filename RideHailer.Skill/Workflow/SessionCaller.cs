using RideHailer.Domain;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Who sent a turn: the Alexa user and, when Alexa recognised one, the person. A session belongs to the caller
/// who opened it; the ids are kept hashed, since the orchestration's history is no place for them.
/// </summary>
public sealed record SessionCaller(string User, string? Person)
{
    public static SessionCaller? Of(string? userId, string? personId) =>
        string.IsNullOrEmpty(userId) ? null : new(Hash(userId), string.IsNullOrEmpty(personId) ? null : Hash(personId));

    /// <summary>
    /// Whether <paramref name="next"/> may carry this caller's session on: the same Alexa user, and not another
    /// recognised person (a turn Alexa did not attribute to anyone is the household's, and the PIN step still
    /// confirms the speaker before anything is booked).
    /// </summary>
    public bool Admits(SessionCaller? next) =>
        next is not null && next.User == User && (Person is null || next.Person is null || next.Person == Person);

    private static string Hash(string id) => StableHash.Hex("", id, 32);
}
