using RideHailer.Domain.Consent;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Places;

namespace RideHailer.Domain;

/// <summary>The policy the conversation follows; everything here is configuration, not code.</summary>
public sealed record ConversationSettings
{
    /// <summary>PIN confirmation as configured in the developer console.</summary>
    public PinPolicy PinPolicy { get; init; } = PinPolicy.Mandatory;

    /// <summary>The scope asked for the rider's name (given name or full name).</summary>
    public RiderScope NameScope { get; init; } = RiderScope.GivenName;

    /// <summary>The scope asked for the rider's mobile number.</summary>
    public RiderScope MobileNumberScope { get; init; } = RiderScope.MobileNumber;

    /// <summary>The pickup scope on devices that support geolocation.</summary>
    public RiderScope GeolocationScope { get; init; } = RiderScope.Geolocation;

    /// <summary>The pickup scope on devices without geolocation.</summary>
    public RiderScope AddressScope { get; init; } = RiderScope.Address;

    /// <summary>Destinations not understood before the session ends politely.</summary>
    public int MaxDestinationMisses { get; init; } = 3;

    /// <summary>PIN attempts after NOT_MATCH before giving up (2 = one retry).</summary>
    public int MaxPinAttempts { get; init; } = 2;

    /// <summary>Authentication confidence level a PIN result must reach to book.</summary>
    public int RequiredConfidenceLevel { get; init; } = 400;

    /// <summary>How long the rider may take to accept an offered quote; the provider's own expiry also applies.</summary>
    public TimeSpan QuoteValidity { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The main city of each marketplace, with the places help names as examples there: a rider hears those of the
    /// city their pickup is in, else of their locale's main city. None: help names no places.
    /// </summary>
    public IReadOnlyList<PlaceMarket> Markets { get; init; } = [];

    /// <summary>The settings the skill ships with.</summary>
    public static ConversationSettings Default { get; } = new();
}
