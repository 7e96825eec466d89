using Microsoft.DurableTask.Client;
using Moq;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Workflow;

namespace RideHailer.Tests.Workflow;

/// <summary>DurableTask.AzureStorage discards an event raised on an instance whose start it holds back: a ride's cancel waits for it.</summary>
public sealed class HeldBackRideStartTests
{
    [Fact]
    public async Task CancelOfARideWhoseStartIsHeldBack_IsRaisedOnlyOnceTheRideRuns()
    {
        var durable = new Mock<DurableTaskClient>("test");
        var reads = 0;
        var raisedAfterReads = -1;
        durable.Setup(d => d.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((string id, bool _, CancellationToken _) => Task.FromResult<OrchestrationMetadata?>(
                new OrchestrationMetadata(RideOrchestration.Name, id)
                {
                    RuntimeStatus = ++reads < 3 ? OrchestrationRuntimeStatus.Pending : OrchestrationRuntimeStatus.Running,
                }));
        durable.Setup(d => d.RaiseEventAsync(It.IsAny<string>(), RideEventNames.Canceled, It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Callback(() => raisedAfterReads = reads)
            .Returns(Task.CompletedTask);

        var raised = await RaiseRideCanceledActivity.RunAsync(
            new RaiseRideCanceledInput("bk-held", new RideCancellation(RideStatus.RiderCanceled, null)), durable.Object, CancellationToken.None);

        Assert.True(raised);
        Assert.Equal(3, raisedAfterReads);
    }

    [Fact]
    public async Task CancelOfARideThatEnded_IsNotRaised()
    {
        var durable = new Mock<DurableTaskClient>("test");
        durable.Setup(d => d.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => new OrchestrationMetadata(RideOrchestration.Name, id)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Completed,
            });

        var raised = await RaiseRideCanceledActivity.RunAsync(
            new RaiseRideCanceledInput("bk-ended", new RideCancellation(RideStatus.RiderCanceled, null)), durable.Object, CancellationToken.None);

        Assert.False(raised);
        durable.Verify(d => d.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
