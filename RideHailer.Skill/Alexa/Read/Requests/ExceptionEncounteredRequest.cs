namespace RideHailer.Skill.Alexa.Read.Requests;

/// <summary>
/// <c>System.ExceptionEncountered</c>: Alexa could not use the skill's response to an earlier request (an
/// invalid response, a failed directive). It carries no session and expects no answer.
/// </summary>
public sealed record ExceptionEncounteredRequest(SystemError? Error, ErrorCause? Cause) : SkillRequest;

/// <summary>What went wrong: a type from Alexa's fixed set and Alexa's description of the skill's response.</summary>
public sealed record SystemError(string? Type, string? Message);

/// <summary>The request whose response failed.</summary>
public sealed record ErrorCause(string? RequestId);
