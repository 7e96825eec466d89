using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Domain.Rides;

public sealed class RideTimelineTests
{
    private static readonly DateTimeOffset Now = SessionDriver.Noon;
    private static readonly Dispatch Sam = new("Sam", "a silver Toyota Prius", "BXK 4821", TimeSpan.FromMinutes(4));

    private static RideProgress Report(RideStatus status, long sequence) => new(status, Sam, TimeSpan.FromMinutes(4), sequence, Now.AddSeconds(sequence));

    [Fact]
    public void FirstReport_IsTheRidesState()
    {
        var accepted = Report(RideStatus.Accepted, 1);

        Assert.Same(accepted, RideTimeline.Next(null, accepted));
    }

    [Fact]
    public void NewerReport_IsTheNextState_EvenWhenItSkipsOne()
    {
        var inCar = Report(RideStatus.InProgress, 3);

        Assert.Same(inCar, RideTimeline.Next(Report(RideStatus.Accepted, 1), inCar));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void OlderOrRepeatedReport_ChangesNothing(long sequence)
    {
        Assert.Null(RideTimeline.Next(Report(RideStatus.InProgress, 3), Report(RideStatus.Arriving, sequence)));
    }

    [Theory]
    [InlineData(RideStatus.Completed)]
    [InlineData(RideStatus.RiderCanceled)]
    [InlineData(RideStatus.DriverCanceled)]
    [InlineData(RideStatus.NoDriversAvailable)]
    public void NothingComesAfterAnEnd(RideStatus end)
    {
        Assert.Null(RideTimeline.Next(Report(end, 4), Report(RideStatus.Arriving, 9)));
        Assert.True(RideTimeline.HasEnded(Report(end, 4)));
    }

    [Fact]
    public void RidersCancellation_EndsTheRide_KeepingTheDriver_AndOutranksEveryReport()
    {
        var canceled = RideTimeline.Canceled(Report(RideStatus.Arriving, 2), new RideCancellation(RideStatus.RiderCanceled, new Money(5m, "USD")), Now);

        Assert.Equal(new RideProgress(RideStatus.RiderCanceled, Sam, null, long.MaxValue, Now), canceled);
        Assert.Null(RideTimeline.Next(canceled, Report(RideStatus.InProgress, 1_000_000)));
    }

    [Fact]
    public void RidersCancellation_AfterTheRideEnded_ChangesNothing()
    {
        Assert.Null(RideTimeline.Canceled(Report(RideStatus.Completed, 4), new RideCancellation(RideStatus.RiderCanceled, null), Now));
    }

    [Fact]
    public void RidersCancellation_BeforeAnyReport_EndsTheRideWithoutADriver()
    {
        var canceled = RideTimeline.Canceled(null, new RideCancellation(RideStatus.RiderCanceled, null), Now);

        Assert.Equal(RideStatus.RiderCanceled, canceled?.Status);
        Assert.Null(canceled?.Driver);
    }
}
