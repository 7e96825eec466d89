namespace RideHailer.Skill.Places;

/// <summary>Which place search finds the rider's destination (<c>Places:Kind</c>).</summary>
public enum PlacesKind
{
    /// <summary>The built-in catalog (<see cref="PlaceCatalog"/>): a few dozen landmarks per market, no account, offline.</summary>
    BuiltIn,

    /// <summary>Azure Maps Get Geocoding (<see cref="AzureMaps.AzureMapsPlaceSearch"/>): any address or place, near the pickup.</summary>
    AzureMaps,
}
