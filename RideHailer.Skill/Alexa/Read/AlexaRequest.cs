using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>A parsed envelope with its typed request.</summary>
public sealed record AlexaRequest(RequestEnvelope Envelope, SkillRequest Request)
{
    public SystemContext? System => Envelope.Context?.System;

    public string? SessionId => Envelope.Session?.SessionId;

    public string? RequestId => Request.RequestId;

    /// <summary>The linked-account token of the account holder: the session's copy, else the context's.</summary>
    public string? UserAccessToken => Envelope.Session?.User?.AccessToken ?? System?.User?.AccessToken;

    /// <summary>The recognised speaker's own link when present; the account holder's only when there is none.</summary>
    public LinkedAccount? LinkedAccount =>
        System?.Person is { AccessToken.Length: > 0 } person ? new(person.AccessToken, person.PersonId, IsPersonLink: true)
        : UserAccessToken is { Length: > 0 } token ? new(token, UserId, IsPersonLink: false)
        : null;

    public string? UserId => System?.User?.UserId ?? Envelope.Session?.User?.UserId;
}
