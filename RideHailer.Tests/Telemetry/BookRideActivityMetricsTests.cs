using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Storage;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Telemetry;

namespace RideHailer.Tests.Telemetry;

public sealed class BookRideActivityMetricsTests
{
    private static readonly DateTimeOffset Now = AlexaRequests.Now;

    [Fact]
    public async Task ActivityRunTwiceForOneCommand_CountsOneBooking()
    {
        var store = new InProcessBookingStore();
        using var host = SkillServices.Build(configure: services => services.AddSingleton<IBookingStore>(store));
        using var instruments = new SkillInstruments(host.Services);
        var activity = host.Services.GetRequiredService<BookRideActivity>();
        var input = new BookRideInput(new BookRide("bk-telemetry", Quotes.SpaceNeedle(Now), new Passenger(Riders.RiderId, null, "Alex", "+1")), Now);

        var first = await activity.RunAsync(input, CancellationToken.None);
        var replay = await activity.RunAsync(input, CancellationToken.None);

        Assert.Equal(first, replay);
        Assert.Equal(1, store.Count);
        Assert.Equal(1, SkillInstruments.Total(instruments.Bookings));
    }

    [Fact]
    public async Task TwoCommands_CountTwoBookings()
    {
        using var host = SkillServices.Build(configure: services => services.AddSingleton<IBookingStore>(new InProcessBookingStore()));
        using var instruments = new SkillInstruments(host.Services);
        var activity = host.Services.GetRequiredService<BookRideActivity>();
        var passenger = new Passenger(Riders.RiderId, null, "Alex", "+1");

        await activity.RunAsync(new BookRideInput(new BookRide("bk-a", Quotes.SpaceNeedle(Now, "q-a"), passenger), Now), CancellationToken.None);
        await activity.RunAsync(new BookRideInput(new BookRide("bk-b", Quotes.SpaceNeedle(Now, "q-b"), passenger), Now), CancellationToken.None);

        Assert.Equal(2, SkillInstruments.Total(instruments.Bookings));
    }
}
