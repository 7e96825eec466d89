using System.Text.Json.Serialization;

namespace RideHailer.Domain.Rides;

/// <summary>Where a booked ride is, from dispatch to one of its ends; the wire names are the provider contract's.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RideStatus>))]
public enum RideStatus
{
    /// <summary>The provider is finding a driver.</summary>
    [JsonStringEnumMemberName("processing")]
    Processing,

    /// <summary>A driver took the ride and is on the way to the pickup.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>The driver is about to reach the pickup.</summary>
    [JsonStringEnumMemberName("arriving")]
    Arriving,

    /// <summary>The rider is in the car.</summary>
    [JsonStringEnumMemberName("in_progress")]
    InProgress,

    /// <summary>The ride reached its destination (an end).</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>The rider cancelled (an end).</summary>
    [JsonStringEnumMemberName("rider_canceled")]
    RiderCanceled,

    /// <summary>The driver cancelled (an end).</summary>
    [JsonStringEnumMemberName("driver_canceled")]
    DriverCanceled,

    /// <summary>No driver could be found (an end).</summary>
    [JsonStringEnumMemberName("no_drivers_available")]
    NoDriversAvailable,
}
