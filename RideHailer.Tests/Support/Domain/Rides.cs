using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Rides;

namespace RideHailer.Tests.Support.Domain;

/// <summary>A rider's booked ride in a <see cref="SessionDriver"/>'s store, over a scripted provider, for "where is my ride" and "cancel my ride".</summary>
internal static class Rides
{
    public const string BookingKey = "bk-ride";
    public const string RideId = "ride-42";

    /// <summary>A session over a <see cref="ScriptedRideProvider"/> wrapping its local fleet.</summary>
    public static (SessionDriver Session, ScriptedRideProvider Provider) Session()
    {
        var session = new SessionDriver();
        var provider = new ScriptedRideProvider(session.Fleet);
        session.Provider = provider;
        return (session, provider);
    }

    /// <summary>
    /// The rider's ride to the Space Needle, booked <paramref name="bookedAgo"/> before the session's clock with Sam due
    /// eight minutes after booking and a twelve-minute trip; <paramref name="progress"/> recorded on it when given.
    /// </summary>
    public static async Task<Booking> BookedAsync(SessionDriver session, TimeSpan bookedAgo, RideProgress? progress = null)
    {
        var bookedAt = session.Now - bookedAgo;
        var quote = Quotes.SpaceNeedle(bookedAt) with { TripTime = TimeSpan.FromMinutes(12) };
        var passenger = new Passenger(Riders.RiderId, null, Riders.GivenName, Riders.MobileNumber);
        var dispatch = new Dispatch("Sam", "a silver Toyota Prius", "BXK 4821", TimeSpan.FromMinutes(8)) { RideId = RideId };
        var booking = await session.Store.BookOnceAsync(new BookingRequest(BookingKey, quote, passenger, dispatch, bookedAt), CancellationToken.None);
        if (progress is not null)
        {
            Assert.True(await session.Store.RecordProgressAsync(BookingKey, progress, CancellationToken.None));
        }

        return booking;
    }

    /// <summary>A report of <paramref name="status"/> made <paramref name="ago"/> before the session's clock.</summary>
    public static RideProgress Report(SessionDriver session, RideStatus status, TimeSpan ago, TimeSpan? pickupEta = null, long sequence = 1) =>
        new(status, null, pickupEta, sequence, session.Now - ago);

    public static async Task<RideProgress?> StoredProgressAsync(SessionDriver session) =>
        (await session.Store.FindAsync(BookingKey, CancellationToken.None))?.Progress;
}
