namespace RideHailer.Skill.Alexa.Enrich.Profile;

/// <summary>The outcome of one Customer Profile or Device Address read; <see cref="Value"/> is set when <see cref="Status"/> is Read.</summary>
public sealed record ProfileRead<T>(ProfileReadStatus Status, T? Value)
    where T : class;

public enum ProfileReadStatus
{
    /// <summary>The API answered with the value.</summary>
    Read,

    /// <summary>403: the rider has not granted the scope (or revoked it); treated as not granted.</summary>
    Refused,

    /// <summary>Anything else (no value, another 4xx, a body that is not the value): not known for this turn.</summary>
    Unavailable,

    /// <summary>5xx, 429, 408, a timeout or no connection: the API is down, which says nothing of the rider's grants.</summary>
    Unreachable,
}
