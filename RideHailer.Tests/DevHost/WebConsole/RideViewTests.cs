using RideHailer.DevHost.WebConsole;
using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.DevHost.WebConsole;

/// <summary>A ride's timeline as the console shows it: from its orchestration's custom status, else from the bookings table.</summary>
public sealed class RideViewTests
{
    private static readonly DateTimeOffset Now = SessionDriver.Noon;

    private static Booking Booking(RideProgress? progress = null) =>
        Quotes.EarlierRide(Now, TimeSpan.Zero) with { Progress = progress };

    private static RideProgress Report(Booking booking, RideStatus status, long sequence, TimeSpan? eta = null, TimeSpan? after = null) =>
        new(status, booking.Dispatch, eta, sequence, booking.BookedAt + (after ?? TimeSpan.FromSeconds(sequence)));

    [Fact]
    public void BuiltInFleetRide_IsItsOrchestrationsStates_TheFirstAtTheBooking()
    {
        var booking = Booking();
        var history = RideHistory.Empty
            .With(Report(booking, RideStatus.Accepted, 1, TimeSpan.FromMinutes(8), TimeSpan.Zero))
            .With(Report(booking, RideStatus.Arriving, 2, TimeSpan.FromMinutes(1)));

        var view = RideView.Of(booking with { Progress = Report(booking, RideStatus.Arriving, 2) }, "Running", history);

        Assert.Equal(
            [(RideStatus.Accepted, 480, 1L, "orchestration"), (RideStatus.Arriving, 60, 2L, "orchestration")],
            view.Timeline.Select(state => (state.Status, state.PickupEtaSeconds ?? -1, state.Sequence ?? -1, state.From)));
        Assert.False(view.Ended);
        Assert.Equal("trip-" + booking.IdempotencyKey, view.InstanceId);
        Assert.Contains("custom status", view.Source, StringComparison.Ordinal);
        Assert.Equal(2, view.KnownSequence);
    }

    [Fact]
    public void HttpProvidersRide_BeforeAnyEvent_IsItsDispatch()
    {
        var booking = Booking();

        var view = RideView.Of(booking, "Running", RideHistory.Empty);

        var dispatch = Assert.Single(view.Timeline);
        Assert.Equal(new RideStateView(RideStatus.Accepted, booking.BookedAt, booking.BookedAt, 480, null, "dispatch"), dispatch);
        Assert.Equal(0, view.KnownSequence);
    }

    [Fact]
    public void HttpProvidersRide_AfterEvents_IsItsDispatchThenTheEvents()
    {
        var booking = Booking();
        var history = RideHistory.Empty.With(Report(booking, RideStatus.Arriving, 2, TimeSpan.FromMinutes(1))).With(Report(booking, RideStatus.Completed, 3));

        var view = RideView.Of(booking, "Running", history);

        Assert.Equal(["dispatch", "orchestration", "orchestration"], view.Timeline.Select(state => state.From));
        Assert.Equal([RideStatus.Accepted, RideStatus.Arriving, RideStatus.Completed], view.Timeline.Select(state => state.Status));
        Assert.True(view.Ended);
    }

    [Fact]
    public void AStateTheBookingsTableLearnedLater_ComesLast()
    {
        var booking = Booking();
        var history = RideHistory.Empty.With(Report(booking, RideStatus.Accepted, 1, TimeSpan.FromMinutes(8), TimeSpan.Zero));

        // A status question found the stored status old and recorded what the provider said.
        var view = RideView.Of(booking with { Progress = Report(booking, RideStatus.InProgress, 3) }, "Running", history);

        Assert.Equal([("orchestration", RideStatus.Accepted), ("bookings table", RideStatus.InProgress)], view.Timeline.Select(state => (state.From, state.Status)));
    }

    [Fact]
    public void PurgedOrchestration_LeavesTheLastStateOfTheBookingsTable()
    {
        var booking = Booking();
        var cancelled = new RideProgress(RideStatus.RiderCanceled, booking.Dispatch, null, RideTimeline.RiderCancellationSequence, booking.BookedAt.AddMinutes(2));

        var view = RideView.Of(booking with { Progress = cancelled }, runtimeStatus: null, history: null);

        Assert.Equal([("dispatch", RideStatus.Accepted, (long?)null), ("bookings table", RideStatus.RiderCanceled, null)], view.Timeline.Select(state => (state.From, state.Status, state.Sequence)));
        Assert.True(view.Ended);
        Assert.Null(view.RuntimeStatus);
        Assert.Contains("purged", view.Source, StringComparison.Ordinal);
    }
}
