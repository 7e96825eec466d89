namespace RideHailer.Bench.Load;

/// <summary>Which place search the launched DevHost finds the destination with (--places).</summary>
internal enum PlacesTarget
{
    /// <summary>The built-in catalog (Places:Kind=BuiltIn, the default): the rider asks for the Space Needle.</summary>
    BuiltIn,

    /// <summary>
    /// Places:Kind=AzureMaps with Places:Endpoint on the driver's <see cref="GeocodingStub"/>: the rider asks for the
    /// address of Microsoft's documented example, which the stub answers with that example's body.
    /// </summary>
    AzureMaps,
}

internal static class PlacesTargets
{
    public static PlacesTarget Parse(string text) => text.Trim().ToUpperInvariant() switch
    {
        "BUILTIN" => PlacesTarget.BuiltIn,
        "AZUREMAPS" => PlacesTarget.AzureMaps,
        _ => throw new FormatException($"unknown place search {text}: builtin or azuremaps"),
    };

    public static string Label(this PlacesTarget places) => places switch
    {
        PlacesTarget.AzureMaps => "Azure Maps (stub)",
        _ => "built-in catalog",
    };

    /// <summary>What the rider asks for with this search.</summary>
    public static Trip Trip(this PlacesTarget places) => places == PlacesTarget.AzureMaps ? Load.Trip.DocumentedAddress : Load.Trip.SpaceNeedle;
}
