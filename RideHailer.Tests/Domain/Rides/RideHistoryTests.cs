using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Domain.Rides;

/// <summary>The states a ride has been in, as its orchestration keeps them for the web console's timeline.</summary>
public sealed class RideHistoryTests
{
    private static readonly DateTimeOffset Now = SessionDriver.Noon;
    private static readonly Dispatch Sam = new("Sam", "a silver Toyota Prius", "BXK 4821", TimeSpan.FromMinutes(4));

    private static RideProgress Report(RideStatus status, long sequence, TimeSpan? eta = null) =>
        new(status, Sam, eta, sequence, Now.AddSeconds(sequence * 10));

    [Fact]
    public void Of_NoReport_IsEmpty_AndOfAReport_IsThatState()
    {
        Assert.Empty(RideHistory.Of(null).States);

        var accepted = Assert.Single(RideHistory.Of(Report(RideStatus.Accepted, 1, TimeSpan.FromSeconds(239.2))).States);

        Assert.Equal(new RideHistoryEntry(RideStatus.Accepted, Now.AddSeconds(10), Now.AddSeconds(10), 240, 1), accepted);
    }

    [Fact]
    public void EachNewState_IsAdded_WithWhenItBegan_AndItsEtaWhereKnown()
    {
        var history = RideHistory.Empty
            .With(Report(RideStatus.Accepted, 1, TimeSpan.FromMinutes(4)))
            .With(Report(RideStatus.Arriving, 2, TimeSpan.FromMinutes(1)))
            .With(Report(RideStatus.InProgress, 3))
            .With(Report(RideStatus.Completed, 4));

        Assert.Equal(
            [(RideStatus.Accepted, 240, 1L), (RideStatus.Arriving, 60, 2L), (RideStatus.InProgress, (int?)null, 3L), (RideStatus.Completed, null, 4L)],
            history.States.Select(state => (state.Status, state.PickupEtaSeconds, state.Sequence)));
        Assert.Equal([Now.AddSeconds(10), Now.AddSeconds(20), Now.AddSeconds(30), Now.AddSeconds(40)], history.States.Select(state => state.Since));
    }

    [Fact]
    public void AReportInTheSameState_UpdatesItsEta_AndKeepsWhenItBegan()
    {
        var history = RideHistory.Empty
            .With(Report(RideStatus.Accepted, 1, TimeSpan.FromMinutes(4)))
            .With(Report(RideStatus.Accepted, 2, TimeSpan.FromMinutes(3)));

        var accepted = Assert.Single(history.States);
        Assert.Equal(new RideHistoryEntry(RideStatus.Accepted, Now.AddSeconds(10), Now.AddSeconds(20), 180, 2), accepted);
    }

    [Fact]
    public void AProviderGoingBackAndForth_KeepsTheFirstStateAndTheLatest_NeverMoreThanTheCap()
    {
        var history = RideHistory.Empty;
        for (var sequence = 1; sequence <= 100; sequence++)
        {
            history = history.With(Report(sequence % 2 == 1 ? RideStatus.Accepted : RideStatus.Arriving, sequence));
        }

        Assert.Equal(RideHistory.MaxStates, history.States.Count);
        Assert.Equal(1, history.States[0].Sequence);
        Assert.Equal(Enumerable.Range(100 - RideHistory.MaxStates + 2, RideHistory.MaxStates - 1).Select(sequence => (long)sequence), history.States.Skip(1).Select(state => state.Sequence));
    }

    [Fact]
    public void TheHistory_HoldsNoDriverAndNoRider()
    {
        var properties = typeof(RideHistoryEntry).GetProperties().Select(property => property.Name);

        Assert.Equal(["Status", "Since", "AsOf", "PickupEtaSeconds", "Sequence"], properties);
    }
}
