namespace RideHailer.Skill.Alexa.Read.Requests;

/// <summary>The typed <c>request</c> object of an envelope; one subtype per request type the skill handles.</summary>
public abstract record SkillRequest
{
    public string? RequestId { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public string? Locale { get; init; }
}

public sealed record LaunchRequest : SkillRequest;

public sealed record IntentRequest(string? DialogState, Intent Intent) : SkillRequest;

public sealed record SessionEndedRequest(string? Reason, SessionEndedError? Error) : SkillRequest;

public sealed record SessionEndedError(string? Type, string? Message);

/// <summary>A request type this skill does not handle; parsed, not rejected.</summary>
public sealed record UnsupportedRequest(string Type) : SkillRequest;
