namespace RideHailer.Skill.Places;

/// <summary>
/// How the skill finds destinations (<c>Places</c> section). <see cref="PlacesKind.BuiltIn"/> needs nothing else;
/// <see cref="PlacesKind.AzureMaps"/> needs an Azure Maps account, reached with either its Microsoft Entra ID client id
/// (<see cref="ClientId"/>, the app's managed identity granted Azure Maps Data Reader) or a shared key
/// (<see cref="SubscriptionKey"/>). See docs/places.md.
/// </summary>
public sealed class PlacesOptions
{
    public const string SectionName = "Places";

    /// <summary>Azure Maps' global endpoint; <c>https://us.atlas.microsoft.com</c> or <c>https://eu.atlas.microsoft.com</c> keep requests in one geography.</summary>
    public const string DefaultEndpoint = "https://atlas.microsoft.com";

    /// <summary>Which search: the built-in catalog (the default) or Azure Maps.</summary>
    public PlacesKind Kind { get; set; } = PlacesKind.BuiltIn;

    /// <summary>The Azure Maps endpoint; https, except an http loopback address in the Development environment (a local stub).</summary>
    public string? Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>A shared key of the Azure Maps account, sent as the <c>subscription-key</c> header. Never logged.</summary>
    public string? SubscriptionKey { get; set; }

    /// <summary>
    /// The Azure Maps account's <c>uniqueId</c>, sent as <c>x-ms-client-id</c> with a bearer token of the app's identity
    /// (Azure.Identity's DefaultAzureCredential; <c>AZURE_CLIENT_ID</c> picks the user-assigned identity).
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The endpoint to call: <see cref="Endpoint"/>, or <see cref="DefaultEndpoint"/> when it is empty.</summary>
    public Uri EffectiveEndpoint => new(string.IsNullOrWhiteSpace(Endpoint) ? DefaultEndpoint : Endpoint.Trim(), UriKind.Absolute);

    /// <summary>Whether the search signs in with a shared key rather than Microsoft Entra ID.</summary>
    public bool UsesKey => !string.IsNullOrWhiteSpace(SubscriptionKey);

    /// <summary>Whether an Entra ID client id is set. Empty counts as unset: templates and the sample carry it empty.</summary>
    public bool UsesClientId => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Which search finds destinations and how it signs in, for start-up lines (never the key).</summary>
    public string Describe(PlaceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (Kind != PlacesKind.AzureMaps)
        {
            var cities = catalog.All.Select(place => place.City).Distinct(StringComparer.Ordinal).Count();
            return $"the built-in catalog, {catalog.All.Count} places in {cities} cities (Places:Kind=BuiltIn)";
        }

        var signIn = UsesKey ? "a subscription key" : $"the app's identity for account {ClientId?.Trim()}";
        return $"Azure Maps Get Geocoding {AzureMaps.AzureMapsPlaceSearch.ApiVersion} at {EffectiveEndpoint}, signed in with {signIn}";
    }
}
