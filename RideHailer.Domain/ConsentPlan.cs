using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;

namespace RideHailer.Domain;

/// <summary>
/// Which rider data a ride needs (name, pickup, mobile number, in the order the seed says them), at which
/// consent level, and which of it the rider has not made readable yet.
/// </summary>
internal sealed class ConsentPlan
{
    private ConsentPlan(IReadOnlyList<ConsentItem> items, IReadOnlyList<RiderScope> unreachable)
    {
        Items = items;
        Missing = [.. items.Where(item => !item.Available)];
        Unreachable = Missing.Any(item => unreachable.Contains(item.Scope));
    }

    public IReadOnlyList<ConsentItem> Items { get; }

    /// <summary>Items not granted, refused by the Profile API, or granted but without a loaded fact.</summary>
    public IReadOnlyList<ConsentItem> Missing { get; }

    /// <summary>
    /// Whether something missing is missing only because the profile could not be read: asking the rider for
    /// consent would ask for what they may already have given.
    /// </summary>
    public bool Unreachable { get; }

    public static ConsentPlan For(ConversationSettings settings, RiderFacts rider)
    {
        // Name and mobile number belong to the speaker when one is recognised; location is the device's, so account-level only.
        var personal = string.IsNullOrEmpty(rider.PersonId) ? ConsentLevel.Account : ConsentLevel.Person;
        return new ConsentPlan(
        [
            Item(rider, settings.NameScope, personal, !string.IsNullOrWhiteSpace(rider.GivenName)),
            Location(settings, rider),
            Item(rider, settings.MobileNumberScope, personal, !string.IsNullOrWhiteSpace(rider.MobileNumber)),
        ], rider.UnreachableScopes ?? []);
    }

    /// <summary>
    /// The pickup: the device's geolocation or its address, whichever the edge could read. When neither, a device
    /// that reports its location is asked for that, unless it is already granted (location services off, say);
    /// then, and on stationary devices, the address is asked for.
    /// </summary>
    private static ConsentItem Location(ConversationSettings settings, RiderFacts rider)
    {
        var geolocation = Item(rider, settings.GeolocationScope, ConsentLevel.Account,
            rider.Pickup is { Source: PickupSource.Geolocation });
        var address = Item(rider, settings.AddressScope, ConsentLevel.Account,
            rider.Pickup is { Source: PickupSource.DeviceAddress });
        return geolocation.Available || address.Available ? (geolocation.Available ? geolocation : address)
            : rider.SupportsGeolocation && !rider.CanRead(settings.GeolocationScope) ? geolocation
            : address;
    }

    private static ConsentItem Item(RiderFacts rider, RiderScope scope, ConsentLevel level, bool factLoaded) =>
        new(scope, level, rider.CanRead(scope) && factLoaded);
}
