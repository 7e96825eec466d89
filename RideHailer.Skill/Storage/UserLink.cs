namespace RideHailer.Skill.Storage;

/// <summary>One session of an Alexa user, and the rider it spoke for when the account was linked.</summary>
/// <param name="UserKey">The user's opaque key (<see cref="AlexaUserKey"/>), never the Alexa id.</param>
/// <param name="InstanceId">The session's orchestration instance id.</param>
/// <param name="RiderId">The opaque rider id, person-level or account-level; null when no account was linked.</param>
public sealed record UserLink(string UserKey, string InstanceId, string? RiderId);
