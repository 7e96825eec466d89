using System.Text.Json.Serialization;

namespace RideHailer.Domain.Pin;

/// <summary>PIN confirmation as set for the skill in the Alexa developer console.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PinPolicy>))]
public enum PinPolicy
{
    /// <summary>Every booking needs a confirmed profile PIN; NOT_ENABLED means do not book.</summary>
    Mandatory,

    /// <summary>Riders opt in; NOT_ENABLED means the rider did not, so book without a PIN.</summary>
    Optional,
}
