namespace RideHailer.Skill.Alexa.Enrich.Profile;

/// <summary>
/// Where and how to call Alexa's APIs for one request. Holds the request's <c>apiAccessToken</c>, so it
/// lives only for that request and is never logged, serialized or handed to the orchestration.
/// </summary>
public sealed class AlexaApi(Uri endpoint, string accessToken)
{
    public Uri Endpoint { get; } = endpoint;

    internal string AccessToken { get; } = accessToken;

    public override string ToString() => Endpoint.ToString();
}
