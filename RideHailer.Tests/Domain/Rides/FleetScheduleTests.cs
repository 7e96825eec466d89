using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Domain.Rides;

public sealed class FleetScheduleTests
{
    private static readonly DateTimeOffset BookedAt = SessionDriver.Noon;

    private static Booking Booked(TimeSpan eta, TimeSpan? trip)
    {
        var quote = Quotes.SpaceNeedle(BookedAt) with { TripTime = trip };
        return new Booking("bk-1", quote, new Passenger(Riders.RiderId, null, "Jane", "+1"), new Dispatch("Sam", "a silver Toyota Prius", "BXK 4821", eta), BookedAt);
    }

    [Fact]
    public void Ride_IsAcceptedAtOnce_ArrivingAMinuteBeforeTheEta_InTheCarAtTheEta_CompletedAfterTheTrip()
    {
        var schedule = FleetSchedule.For(Booked(TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(12)));

        Assert.Equal(
            [
                (BookedAt, RideStatus.Accepted, 1L, (TimeSpan?)TimeSpan.FromMinutes(8)),
                (BookedAt.AddMinutes(7), RideStatus.Arriving, 2L, TimeSpan.FromMinutes(1)),
                (BookedAt.AddMinutes(8), RideStatus.InProgress, 3L, null),
                (BookedAt.AddMinutes(20), RideStatus.Completed, 4L, null),
            ],
            schedule.Select(report => (report.Due, report.Progress.Status, report.Progress.Sequence, report.Progress.PickupEta)));
        Assert.All(schedule, report => Assert.Equal(report.Due, report.Progress.At));
        Assert.All(schedule, report => Assert.Equal("Sam", report.Progress.Driver?.DriverName));
        Assert.True(schedule[^1].Progress.Status.IsFinal());
    }

    [Fact]
    public void DriverLessThanAMinuteAway_IsArrivingAtOnce_StillAfterAccepting()
    {
        var schedule = FleetSchedule.For(Booked(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(3)));

        Assert.Equal(BookedAt, schedule[1].Due);
        Assert.Equal(TimeSpan.FromSeconds(20), schedule[1].Progress.PickupEta);
        Assert.True(schedule[1].Progress.Sequence > schedule[0].Progress.Sequence);
    }

    [Fact]
    public void QuoteWithoutATripTime_CompletesAtThePickup()
    {
        var schedule = FleetSchedule.For(Booked(TimeSpan.FromMinutes(5), trip: null));

        Assert.Equal(BookedAt.AddMinutes(5), schedule[^1].Due);
    }

    [Theory]
    [InlineData(0, RideStatus.Accepted)]
    [InlineData(419, RideStatus.Accepted)]
    [InlineData(420, RideStatus.Arriving)]
    [InlineData(480, RideStatus.InProgress)]
    [InlineData(1199, RideStatus.InProgress)]
    [InlineData(1200, RideStatus.Completed)]
    [InlineData(99999, RideStatus.Completed)]
    public void At_IsTheLastReportDue(int secondsAfterBooking, RideStatus expected)
    {
        var schedule = FleetSchedule.For(Booked(TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(12)));

        Assert.Equal(expected, FleetSchedule.At(schedule, BookedAt.AddSeconds(secondsAfterBooking)).Status);
    }
}
