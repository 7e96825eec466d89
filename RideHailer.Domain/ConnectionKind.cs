using System.Text.Json.Serialization;

namespace RideHailer.Domain;

/// <summary>Which skill connection a token belongs to, and so which result shape its resume carries.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConnectionKind>))]
public enum ConnectionKind
{
    /// <summary>AMAZON.AskForPermissionsConsent.</summary>
    Consent,

    /// <summary>AMAZON.VerifyPerson (profile PIN).</summary>
    Pin,
}
