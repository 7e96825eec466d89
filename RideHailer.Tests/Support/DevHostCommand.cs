using System.Diagnostics;

namespace RideHailer.Tests.Support;

/// <summary>
/// The built DevHost run as a developer runs a command of it (<c>chat</c>, <c>--help</c>): its own process, input
/// piped in, run to its exit; what it printed on each stream, and its exit code.
/// </summary>
internal static class DevHostCommand
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(90);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string environment, string input, params string[] args)
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
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
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
            throw new TimeoutException($"'{string.Join(' ', args)}' did not exit within {ExitTimeout}; stdout so far:{Environment.NewLine}{await output}");
        }

        return (process.ExitCode, await output, await error);
    }
}
