using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;

namespace RideHailer.Tests.Support.Domain;

/// <summary>Quotes and bookings with the seeds' numbers.</summary>
internal static class Quotes
{
    public static Place SpaceNeedlePlace => PlaceCatalog.Default.TryGet("space-needle", out var place)
        ? place
        : throw new InvalidOperationException("The catalog lost the Space Needle.");

    /// <summary>"fifteen dollars ... in ten minutes", valid for five minutes.</summary>
    public static Quote SpaceNeedle(DateTimeOffset now, string id = "q-seed", Pickup? pickup = null) => new(
        id,
        pickup ?? Pickup.AtGeolocation(Riders.Downtown),
        SpaceNeedlePlace,
        new Money(15m, "USD"),
        TimeSpan.FromMinutes(10),
        now,
        now.AddMinutes(5));

    /// <summary>The booking a BookRide command would produce, with an eight-minute driver.</summary>
    public static Booking BookingFor(BookRide command, DateTimeOffset now) => new(
        command.IdempotencyKey,
        command.Quote,
        command.Passenger,
        new Dispatch("Sam", "a silver Toyota Prius", "BXK 4821", TimeSpan.FromMinutes(8)),
        now);

    /// <summary>
    /// The rider's earlier ride to the Space Needle, booked <paramref name="bookedAgo"/> (four minutes unless
    /// said) before <paramref name="now"/> with an eight-minute driver, so due in the rest of the eight.
    /// </summary>
    public static Booking EarlierRide(DateTimeOffset now, TimeSpan? bookedAgo = null, string riderId = Riders.RiderId)
    {
        var bookedAt = now - (bookedAgo ?? TimeSpan.FromMinutes(4));
        var passenger = new Passenger(riderId, null, Riders.GivenName, Riders.MobileNumber);
        return BookingFor(new BookRide("bk-earlier", SpaceNeedle(bookedAt, "q-earlier"), passenger), bookedAt);
    }
}
