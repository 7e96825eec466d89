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
        // The verbs once, each in a line; their options are their own help's.
        Assert.Single(output.Split('\n'), line => line.TrimStart().StartsWith("chat ", StringComparison.Ordinal));
        Assert.Single(output.Split('\n'), line => line.TrimStart().StartsWith("skill-package ", StringComparison.Ordinal));
        Assert.DoesNotContain("--consent", output, StringComparison.Ordinal);
        // Piped: wrapped to 80 columns.
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"longer than 80 columns: '{line}'"));
        // No banner: the endpoint was never served.
        Assert.DoesNotContain("Alexa endpoint:", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task ChatHelp_ListsChatsOptionsWrappedTo80ColumnsWhenPiped()
    {
        var (exitCode, output, _) = await DevHostCommand.RunAsync("Development", "", "chat", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--endpoint <url>", output, StringComparison.Ordinal);
        Assert.Contains("--explain", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"longer than 80 columns: '{line}'"));
    }

    [Fact]
    public async Task SkillPackageHelp_ListsItsOptionsWrappedTo80ColumnsWhenPiped()
    {
        var (exitCode, output, _) = await DevHostCommand.RunAsync("Development", "", "skill-package", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--privacy-policy <https-url>", output, StringComparison.Ordinal);
        Assert.Contains("--account-linking-client-id <id>", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, $"longer than 80 columns: '{line}'"));
    }

    [Fact]
    public void Help_WrapsToTheWidthGiven()
    {
        using var output = new StringWriter();

        HostCommandLine.PrintHelp(output, width: 60);

        Assert.All(output.ToString().Split('\n'), line => Assert.True(line.TrimEnd().Length <= 60, $"longer than 60 columns: '{line}'"));
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
