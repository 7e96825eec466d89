namespace RideHailer.Skill.Alexa.Read.Requests;

/// <summary>What a request's permissions map says of one scope.</summary>
public enum ScopeStatus
{
    /// <summary>Not in the map, or not a status Alexa documents: only the API can tell.</summary>
    Unknown,

    /// <summary><c>GRANTED</c>.</summary>
    Granted,

    /// <summary><c>DENIED</c>.</summary>
    Denied,
}
