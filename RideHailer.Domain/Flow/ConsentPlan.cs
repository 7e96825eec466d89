namespace RideHailer.Domain.Flow;

/// <summary>
/// Which rider data a ride needs (name, pickup, mobile number, in the order the seed says them), at which
/// consent level, and which of it the rider has not made readable yet.
/// </summary>
internal sealed class ConsentPlan
{
    private ConsentPlan(IReadOnlyList<ConsentItem> items)
    {
        Items = items;
        Missing = [.. items.Where(item => !item.Available)];
    }

    public IReadOnlyList<ConsentItem> Items { get; }

    /// <summary>Items not granted, refused by the Profile API, or granted but without a loaded fact.</summary>
    public IReadOnlyList<ConsentItem> Missing { get; }

    public static ConsentPlan For(ConversationSettings settings, RiderFacts rider)
    {
        // Name and mobile number belong to the speaker when one is recognised; location is the device's, so account-level only.
        var personal = string.IsNullOrEmpty(rider.PersonId) ? ConsentLevel.Account : ConsentLevel.Person;
        var location = rider.SupportsGeolocation
            ? Item(rider, settings.GeolocationScope, "current location", ConsentLevel.Account, rider.Pickup is not null)
            : Item(rider, settings.AddressScope, "address", ConsentLevel.Account, rider.Pickup is not null);
        return new ConsentPlan(
        [
            Item(rider, settings.NameScope, "name", personal, !string.IsNullOrWhiteSpace(rider.GivenName)),
            location,
            Item(rider, settings.MobileNumberScope, "mobile number", personal, !string.IsNullOrWhiteSpace(rider.MobileNumber)),
        ]);
    }

    /// <summary>The spoken label of a scope this conversation asks for ("name", "current location", ...).</summary>
    public static string LabelOf(ConversationSettings settings, string scope) =>
        scope == settings.NameScope ? "name"
        : scope == settings.MobileNumberScope ? "mobile number"
        : scope == settings.GeolocationScope ? "current location"
        : scope == settings.AddressScope ? "address"
        : "information";

    private static ConsentItem Item(RiderFacts rider, string scope, string label, ConsentLevel level, bool factLoaded) =>
        new(scope, label, level, rider.CanRead(scope) && factLoaded);
}
