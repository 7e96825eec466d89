using RideHailer.Domain.Places;

namespace RideHailer.Tests.Support.Domain;

/// <summary>Places a street-address search finds, and a place search that answers with them.</summary>
internal static class FoundPlaces
{
    /// <summary>Near the Space Needle, a kilometre and a half from downtown.</summary>
    public static readonly Place BroadStreetSeattle = Street("400 Broad Street", "Seattle", 47.6196, -122.3497);

    /// <summary>About forty kilometres north of downtown Seattle.</summary>
    public static readonly Place BroadStreetEverett = Street("400 Broad Street", "Everett", 47.9790, -122.2021);

    /// <summary>About fifty kilometres south.</summary>
    public static readonly Place BroadStreetTacoma = Street("400 Broad Street", "Tacoma", 47.2529, -122.4443);

    /// <summary>East, across the lake.</summary>
    public static readonly Place BroadStreetBellevue = Street("400 Broad Street", "Bellevue", 47.6101, -122.2015);

    /// <summary>Three hundred metres from <see cref="BroadStreetSeattle"/>: the same place to the rider.</summary>
    public static readonly Place BroadStreetSeattleNextDoor = Street("402 Broad Street", "Seattle", 47.6215, -122.3470);

    /// <summary>The sample rider's home in Ballard, as the place search finds its full address.</summary>
    public static readonly Place Home = Street("5300 Ballard Avenue Northwest", "Seattle", 47.6687, -122.3847);

    /// <summary>The device's full address on one line, as the Device Address API's fields join.</summary>
    public const string HomeAddress = "5300 Ballard Avenue Northwest, Seattle, WA, 98107";

    public static Place Street(string name, string city, double latitude, double longitude, PlaceConfidence confidence = PlaceConfidence.High) =>
        new($"{name}-{city}".ToLowerInvariant().Replace(' ', '-'), name, name, new GeoPoint(latitude, longitude), city, [])
        {
            Confidence = confidence,
        };
}

/// <summary>A place search that answers every query with <see cref="Answer"/> (or throws <see cref="Failure"/>), and records the queries.</summary>
internal sealed class FakePlaceSearch(params Place[] answer) : IPlaceSearch
{
    public IReadOnlyList<Place> Answer { get; set; } = answer;

    public Exception? Failure { get; set; }

    public List<PlaceQuery> Queries { get; } = [];

    public Task<IReadOnlyList<Place>> FindAsync(PlaceQuery query, CancellationToken cancellationToken)
    {
        Queries.Add(query);
        return Failure is { } failure ? Task.FromException<IReadOnlyList<Place>>(failure) : Task.FromResult(Answer);
    }
}
