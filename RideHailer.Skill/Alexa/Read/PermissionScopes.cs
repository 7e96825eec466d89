using RideHailer.Domain.Consent;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>The Alexa permission scopes Ride Hailer can ask for (voice-forward consent table), and the Domain's name for each.</summary>
public static class PermissionScopes
{
    /// <summary>First name; account or person level.</summary>
    public const string GivenName = "alexa::profile:given_name:read";

    /// <summary>Full name; account or person level.</summary>
    public const string FullName = "alexa::profile:name:read";

    /// <summary>Mobile number; account or person level.</summary>
    public const string MobileNumber = "alexa::profile:mobile_number:read";

    /// <summary>Device geolocation; account level only.</summary>
    public const string Geolocation = "alexa::devices:all:geolocation:read";

    /// <summary>Device postal address; account level only.</summary>
    public const string FullAddress = "alexa::devices:all:address:full:read";

    /// <summary>The Alexa scope that reads <paramref name="scope"/>.</summary>
    public static string Of(RiderScope scope) => scope switch
    {
        RiderScope.GivenName => GivenName,
        RiderScope.FullName => FullName,
        RiderScope.MobileNumber => MobileNumber,
        RiderScope.Geolocation => Geolocation,
        RiderScope.Address => FullAddress,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown rider scope."),
    };
}
