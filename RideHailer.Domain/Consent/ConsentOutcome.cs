using System.Text.Json.Serialization;

namespace RideHailer.Domain.Consent;

/// <summary>How the rider answered the consent connection: the consent result table's rows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConsentOutcome>))]
public enum ConsentOutcome
{
    /// <summary>The rider granted the scopes asked for.</summary>
    Accepted,

    /// <summary>The rider refused.</summary>
    Denied,

    /// <summary>The rider did not answer, or the connection ended without an answer.</summary>
    NotAnswered,

    /// <summary>The rider was sent to the Alexa app to finish there.</summary>
    RedirectToApp,

    /// <summary>The connection failed, or answered in a way the skill does not know.</summary>
    Failed,
}
