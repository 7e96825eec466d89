using System.Text.Json.Serialization;

namespace RideHailer.Domain.Consent;

/// <summary>A piece of the rider's data the skill may ask permission to read; the edge knows each one's Alexa scope.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RiderScope>))]
public enum RiderScope
{
    /// <summary>First name; account or person level.</summary>
    GivenName,

    /// <summary>Full name; account or person level.</summary>
    FullName,

    /// <summary>Mobile number; account or person level.</summary>
    MobileNumber,

    /// <summary>Device geolocation; account level only.</summary>
    Geolocation,

    /// <summary>Device postal address; account level only.</summary>
    Address,
}
