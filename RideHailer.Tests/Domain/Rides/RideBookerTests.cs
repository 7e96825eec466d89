using Moq;
using RideHailer.Domain;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Storage;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Domain.Rides;

public sealed class RideBookerTests
{
    private static readonly DateTimeOffset Now = SessionDriver.Noon;
    private static readonly Dispatch Sam = new("Sam", "a silver Toyota Prius", "BXK 4821", TimeSpan.FromMinutes(8));

    private static BookRide Command() => new("bk-1", Quotes.SpaceNeedle(Now), new Passenger(Riders.RiderId, null, "Alex", "+1"));

    [Fact]
    public async Task Book_NewKey_DispatchesOnceAndStoresTheBooking()
    {
        var provider = new Mock<IRideProvider>();
        provider.Setup(p => p.DispatchAsync(It.IsAny<RideOrder>(), Now, It.IsAny<CancellationToken>())).ReturnsAsync(Sam);
        var store = new InProcessBookingStore();

        var (booking, isNew) = await new RideBooker(provider.Object, store).BookAsync(Command(), Now, CancellationToken.None);

        Assert.True(isNew);
        Assert.Equal(Sam, booking.Dispatch);
        Assert.Equal("bk-1", booking.IdempotencyKey);
        Assert.Equal(booking, await store.FindAsync("bk-1", CancellationToken.None));
        provider.Verify(p => p.DispatchAsync(It.IsAny<RideOrder>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Book_Replayed_ReturnsStoredBookingAsNotNewWithoutDispatchingAgain()
    {
        var provider = new Mock<IRideProvider>();
        provider.Setup(p => p.DispatchAsync(It.IsAny<RideOrder>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(Sam);
        var booker = new RideBooker(provider.Object, new InProcessBookingStore());

        var first = await booker.BookAsync(Command(), Now, CancellationToken.None);
        var replay = await booker.BookAsync(Command(), Now.AddMinutes(1), CancellationToken.None);

        Assert.Same(first.Booking, replay.Booking);
        Assert.True(first.IsNew);
        Assert.False(replay.IsNew);
        provider.Verify(p => p.DispatchAsync(It.IsAny<RideOrder>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Book_LosingARaceInTheStore_ReturnsTheWinnersBookingAsNotNew()
    {
        var winner = Quotes.BookingFor(Command(), Now);
        var provider = new Mock<IRideProvider>();
        provider.Setup(p => p.DispatchAsync(It.IsAny<RideOrder>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(Sam with { DriverName = "Priya" });
        var store = new Mock<IBookingStore>();
        store.Setup(s => s.FindAsync("bk-1", It.IsAny<CancellationToken>())).ReturnsAsync((Booking?)null);
        store.Setup(s => s.BookOnceAsync(It.IsAny<BookingRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(winner);

        var (booking, isNew) = await new RideBooker(provider.Object, store.Object).BookAsync(Command(), Now, CancellationToken.None);

        Assert.Same(winner, booking);
        Assert.False(isNew);
    }

    [Fact]
    public async Task Book_ProviderUnavailable_StoresNothing()
    {
        var provider = new Mock<IRideProvider>();
        provider.Setup(p => p.DispatchAsync(It.IsAny<RideOrder>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RideUnavailableException("no drivers"));
        var store = new InProcessBookingStore();

        await Assert.ThrowsAsync<RideUnavailableException>(
            () => new RideBooker(provider.Object, store).BookAsync(Command(), Now, CancellationToken.None));

        Assert.Equal(0, store.Count);
    }
}
