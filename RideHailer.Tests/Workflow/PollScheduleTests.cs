using RideHailer.Skill.Workflow;

namespace RideHailer.Tests.Workflow;

public sealed class PollScheduleTests
{
    private static readonly PollSchedule Schedule = new(
        First: TimeSpan.FromMilliseconds(20), Every: TimeSpan.FromMilliseconds(5), Ceiling: TimeSpan.FromMilliseconds(50));

    [Theory]
    [InlineData(0, 20)]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 50)]
    [InlineData(6, 50)]
    [InlineData(1_000, 50)]
    public void After_WaitsFirstThenDoublesToTheCeiling(int reads, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Schedule.After(reads));
}
