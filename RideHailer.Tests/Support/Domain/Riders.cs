using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;

namespace RideHailer.Tests.Support.Domain;

/// <summary>Rider facts as the edge would load them in common situations.</summary>
internal static class Riders
{
    public const string RiderId = "rider-42";
    public const string PersonId = "amzn1.ask.person.ABC";
    public const string GivenName = "Alex";
    public const string MobileNumber = "+12065550123";

    /// <summary>Downtown Seattle, at the local fleet's Seattle depot.</summary>
    public static readonly GeoPoint Downtown = new(47.6062, -122.3321);

    public static readonly RiderScope[] AllScopes = [RiderScope.GivenName, RiderScope.Geolocation, RiderScope.MobileNumber];

    /// <summary>Linked, geolocation-capable, nothing granted yet: the start of the consent seed.</summary>
    public static RiderFacts LinkedWithoutConsent(string? personId = null) => new()
    {
        RiderId = RiderId,
        PersonId = personId,
        SupportsGeolocation = true,
    };

    /// <summary>Linked, everything granted and loaded.</summary>
    public static RiderFacts FullyGranted(string? personId = null) => new()
    {
        RiderId = RiderId,
        PersonId = personId,
        SupportsGeolocation = true,
        GrantedScopes = AllScopes,
        GivenName = GivenName,
        MobileNumber = MobileNumber,
        Pickup = Pickup.AtGeolocation(Downtown),
    };
}
