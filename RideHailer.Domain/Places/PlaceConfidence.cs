using System.Text.Json.Serialization;

namespace RideHailer.Domain.Places;

/// <summary>How sure the place search is that a place is what the rider said.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlaceConfidence>))]
public enum PlaceConfidence
{
    /// <summary>A clear match (every place of the built-in catalog).</summary>
    High,

    /// <summary>A likely match.</summary>
    Medium,

    /// <summary>A weak match.</summary>
    Low,
}
