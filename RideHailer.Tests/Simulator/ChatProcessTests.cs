using System.Diagnostics;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Simulator;

/// <summary>
/// The chat command as a developer pipes into it: the built DevHost in its own process, so the verb dispatch, the
/// loopback host, piped input and the exit code are what is tested.
/// </summary>
public sealed class ChatProcessTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task PipedConversation_BooksARideAndExitsZero()
    {
        var (exitCode, output, error) = await RunChatAsync(
            "Development", "open ride hailer\nthe space needle\nyes\n", "--consent", "accepted", "--pin", "achieved");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:{Environment.NewLine}{error}{Environment.NewLine}stdout:{Environment.NewLine}{output}");
        Assert.Contains("Alexa: Welcome to Ride Hailer. Where would you like to go?", output, StringComparison.Ordinal);
        Assert.Contains("You: I approve.", output, StringComparison.Ordinal);
        Assert.Contains("Alexa: Great. Your driver will arrive in ", output, StringComparison.Ordinal);
        Assert.Contains("[card] Your ride is booked", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopment_RefusesToRun()
    {
        var (exitCode, output, error) = await RunChatAsync("Production", "open ride hailer\n");

        Assert.Equal(2, exitCode);
        Assert.Contains("runs only in the Development environment", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Alexa:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFlag_ExitsNonZeroBeforeStartingAnything()
    {
        var (exitCode, output, _) = await RunChatAsync("Development", "", "--consent", "maybe");

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("[simulator]", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunChatAsync(string environment, string input, params string[] flags)
    {
        var devHost = DevHostProcess.OutputDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root is the working directory: the DevHost's appsettings files are beside its assembly.
            WorkingDirectory = devHost,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(devHost, "RideHailer.DevHost.dll"));
        start.ArgumentList.Add("chat");
        foreach (var flag in flags)
        {
            start.ArgumentList.Add(flag);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_URLS");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chat did not exit within {ExitTimeout}; stdout so far:{Environment.NewLine}{await output}");
        }

        return (process.ExitCode, await output, await error);
    }
}
