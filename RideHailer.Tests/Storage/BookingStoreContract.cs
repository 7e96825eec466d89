using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Tests.Storage;

/// <summary>
/// What every <see cref="IBookingStore"/> promises; each store derives a test class from this one. Keys are fresh
/// per test, so a store may be shared between tests.
/// </summary>
public abstract class BookingStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IBookingStore Store { get; }

    [Fact]
    public async Task BookOnce_NewKey_ReturnsTheRequestedBooking()
    {
        var request = BookingRequests.For();

        var booking = await Store.BookOnceAsync(request, None);

        Assert.Equal(Booking.From(request), booking);
    }

    [Fact]
    public async Task Find_AfterBooking_ReturnsTheStoredBooking()
    {
        var request = BookingRequests.For();
        var booking = await Store.BookOnceAsync(request, None);

        Assert.Equal(booking, await Store.FindAsync(request.IdempotencyKey, None));
    }

    [Fact]
    public async Task Find_UnknownKey_ReturnsNull()
    {
        await Store.BookOnceAsync(BookingRequests.For(), None);

        Assert.Null(await Store.FindAsync(BookingRequests.NewKey(), None));
    }

    [Fact]
    public async Task BookOnce_SameKeyTwice_KeepsTheFirstBooking()
    {
        var first = BookingRequests.For(driver: "Sam");
        var second = BookingRequests.For(first.IdempotencyKey, driver: "Priya");

        var stored = await Store.BookOnceAsync(first, None);
        var again = await Store.BookOnceAsync(second, None);

        Assert.Equal(stored, again);
        Assert.Equal("Sam", again.Dispatch.DriverName);
        Assert.Equal(stored, await Store.FindAsync(first.IdempotencyKey, None));
    }

    [Fact]
    public async Task BookOnce_ConcurrentSameKey_EveryCallerGetsTheOneBooking()
    {
        var key = BookingRequests.NewKey();
        string[] drivers = ["Sam", "Priya", "Jo", "Ana", "Lee", "Kim", "Max", "Ola"];

        var bookings = await Task.WhenAll(drivers.Select(driver => Task.Run(() => Store.BookOnceAsync(BookingRequests.For(key, driver: driver), None))));

        var booking = Assert.Single(bookings.Distinct());
        Assert.Contains(booking.Dispatch.DriverName, drivers);
        Assert.Equal(booking, await Store.FindAsync(key, None));
    }

    [Fact]
    public async Task BookOnce_DifferentKeys_StoresEach()
    {
        var first = BookingRequests.For(driver: "Sam");
        var second = BookingRequests.For(driver: "Priya");

        await Store.BookOnceAsync(first, None);
        await Store.BookOnceAsync(second, None);

        Assert.Equal("Sam", (await Store.FindAsync(first.IdempotencyKey, None))?.Dispatch.DriverName);
        Assert.Equal("Priya", (await Store.FindAsync(second.IdempotencyKey, None))?.Dispatch.DriverName);
    }

    [Fact]
    public async Task Find_AddressPickupAnonymousRider_ReturnsEveryFieldAsBooked()
    {
        var request = BookingRequests.For(
            pickup: Pickup.AtAddress("410 Terry Ave N, Seattle, WA 98109", "Seattle"),
            destination: BookingRequests.Place("pike-place-market"),
            fare: 12.50m,
            passenger: new Passenger("rider-7", PersonId: null, GivenName: null, MobileNumber: null));

        await Store.BookOnceAsync(request, None);

        Assert.Equal(Booking.From(request), await Store.FindAsync(request.IdempotencyKey, None));
    }
}
