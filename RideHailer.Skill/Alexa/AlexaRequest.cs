using RideHailer.Skill.Alexa.Requests;

namespace RideHailer.Skill.Alexa;

/// <summary>A parsed envelope with its typed request.</summary>
public sealed record AlexaRequest(RequestEnvelope Envelope, SkillRequest Request)
{
    public SystemContext? System => Envelope.Context?.System;

    public string? SessionId => Envelope.Session?.SessionId;

    public string? RequestId => Request.RequestId;

    /// <summary>The linked-account token: the session's copy, else the context's.</summary>
    public string? UserAccessToken => Envelope.Session?.User?.AccessToken ?? System?.User?.AccessToken;

    public string? UserId => System?.User?.UserId ?? Envelope.Session?.User?.UserId;
}
