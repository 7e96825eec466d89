using System.Text.Json.Serialization;

namespace RideHailer.Domain.Rides;

/// <summary>The kind of car a rider asks for; the wire names are the provider contract's.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RideType>))]
public enum RideType
{
    /// <summary>An ordinary car for up to four riders.</summary>
    [JsonStringEnumMemberName("standard")]
    Standard,

    /// <summary>A larger car for up to six riders.</summary>
    [JsonStringEnumMemberName("xl")]
    Xl,

    /// <summary>A high-end car.</summary>
    [JsonStringEnumMemberName("premium")]
    Premium,
}
