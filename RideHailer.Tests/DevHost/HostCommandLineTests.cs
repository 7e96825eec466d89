using RideHailer.DevHost;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.DevHost;

/// <summary>The DevHost's top-level help: what it can do, printed instead of starting anything.</summary>
public sealed class HostCommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task Help_ListsTheVerbsAndOptionsAndStartsNothing(string flag)
    {
        var (exitCode, output, error) = await DevHostCommand.RunAsync("Development", "", flag);

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:{Environment.NewLine}{error}");
        Assert.Contains("Without a command: serves the Alexa endpoint", output, StringComparison.Ordinal);
        Assert.Contains("--urls", output, StringComparison.Ordinal);
        Assert.Contains("--environment", output, StringComparison.Ordinal);
        Assert.Contains("--Durable:Backend", output, StringComparison.Ordinal);
        Assert.Contains("RideHailer.DevHost chat [options]", output, StringComparison.Ordinal);
        Assert.Contains("--endpoint <url>", output, StringComparison.Ordinal);
        Assert.Contains("--consent", output, StringComparison.Ordinal);
        // No banner: the endpoint was never served.
        Assert.DoesNotContain("Alexa endpoint:", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData(true, "--help")]
    [InlineData(true, "--urls", "http://localhost:5000", "-h")]
    [InlineData(true, "-?")]
    [InlineData(false)]
    [InlineData(false, "--urls", "http://localhost:5000")]
    [InlineData(false, "--Durable:Backend", "AzureStorage")]
    [InlineData(false, "chat", "--help")]
    public void AsksForHelp_OnlyBeforeAVerb(bool asks, params string[] args) =>
        Assert.Equal(asks, HostCommandLine.AsksForHelp(args));
}
