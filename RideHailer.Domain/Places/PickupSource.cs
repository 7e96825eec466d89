using System.Text.Json.Serialization;

namespace RideHailer.Domain.Places;

/// <summary>Where a pickup point came from, which decides how Alexa talks about it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PickupSource>))]
public enum PickupSource
{
    /// <summary>The device's geolocation ("your current location").</summary>
    Geolocation,

    /// <summary>The device's postal address ("your address").</summary>
    DeviceAddress,
}
