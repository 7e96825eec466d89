using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;

namespace RideHailer.Tests.Support.Storage;

/// <summary>Booking requests with the seeds' numbers and a catalog place, each under a fresh key unless one is given.</summary>
internal static class BookingRequests
{
    public const string RiderId = "amzn1.ask.account.RIDER42";

    // Ticks below a millisecond and a non-UTC offset: a store must keep the instant exactly.
    public static readonly DateTimeOffset Now = new DateTimeOffset(2025, 3, 14, 18, 30, 15, TimeSpan.FromHours(-7)).AddTicks(1_234_567);

    public static Place SpaceNeedle => Place("space-needle");

    public static Place Place(string id) => PlaceCatalog.Default.TryGet(id, out var place)
        ? place
        : throw new InvalidOperationException($"The catalog lost {id}.");

    public static string NewKey() => "bk-" + Guid.NewGuid().ToString("N");

    public static BookingRequest For(
        string? key = null,
        string riderId = RiderId,
        string driver = "Sam",
        Pickup? pickup = null,
        Place? destination = null,
        decimal fare = 15m,
        Passenger? passenger = null) => new(
        key ?? NewKey(),
        new Quote("q-seed", pickup ?? Pickup.AtGeolocation(new GeoPoint(47.6062, -122.3321)), destination ?? SpaceNeedle, new Money(fare, "USD"), TimeSpan.FromMinutes(10), Now, Now.AddMinutes(5)),
        passenger ?? new Passenger(riderId, "amzn1.ask.person.ABC", "Alex", "+12065550123"),
        new Dispatch(driver, "a silver Toyota Prius", "BXK 4821", TimeSpan.FromMinutes(8)),
        Now.AddSeconds(30));
}
