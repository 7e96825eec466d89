namespace RideHailer.Domain.Places;

/// <summary>Finds the places a rider may mean. Throws when the search itself fails (the rider hears it differently from "not found").</summary>
public interface IPlaceSearch
{
    /// <summary>The places that fit <paramref name="query"/>, best first; empty when none does.</summary>
    Task<IReadOnlyList<Place>> FindAsync(PlaceQuery query, CancellationToken cancellationToken);
}
