using RideHailer.Tests.Support;

namespace RideHailer.Tests.DevHost;

/// <summary>What a developer sees first when the DevHost starts: its banner, not the framework's lines.</summary>
public sealed class StartupBannerTests
{
    [Fact]
    public async Task Start_PrintsTheBannerFirstAndNoSidecarLines()
    {
        await using var host = await DevHostProcess.StartAsync(new Dictionary<string, string>());

        var lines = host.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines is ["Ride Hailer dev host", ..], $"The host printed first:{Environment.NewLine}{host.Output}");
        Assert.DoesNotContain("Now listening on", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting environment: Production", host.Output, StringComparison.Ordinal);
    }
}
