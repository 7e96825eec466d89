using Microsoft.Extensions.Options;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Workflow;

/// <summary>How many turns wait for a place is its own setting: a burst may wait many times the turns let in at once.</summary>
public sealed class TurnAdmissionTests
{
    [Fact]
    public async Task TurnsPastTheWaitingPlaces_AreShedAtOnce_TheWaitingOnesGetInAsPlacesFreeUp()
    {
        using var admission = new TurnAdmission(Options.Create(new SessionOptions { MaxConcurrentTurns = 1, MaxWaitingTurns = 2 }));
        var patience = TimeSpan.FromSeconds(30);

        var first = await admission.EnterAsync(patience, default);
        var second = admission.EnterAsync(patience, default).AsTask();
        var third = admission.EnterAsync(patience, default).AsTask();
        await Signal.UntilAsync(() => admission.Waiting == 2, "two turns wait for the one place");
        var fourth = await admission.EnterAsync(patience, default);

        Assert.NotNull(first);
        Assert.Null(fourth);
        Assert.False(second.IsCompleted);
        first.Dispose();
        using var secondIn = await second.WaitAsync(patience);
        Assert.NotNull(secondIn);
        Assert.False(third.IsCompleted);
        secondIn.Dispose();
        using var thirdIn = await third.WaitAsync(patience);
        Assert.NotNull(thirdIn);
    }
}
