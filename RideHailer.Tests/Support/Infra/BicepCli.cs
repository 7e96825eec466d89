using System.Diagnostics;
using System.Reflection;

namespace RideHailer.Tests.Support.Infra;

/// <summary>
/// Runs the Bicep CLI pinned in Directory.Packages.props. Restore puts it in the NuGet cache and the
/// package's props file names it in $(BicepPath), which the build bakes into this assembly.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromMinutes(2);

    public static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        var executable = Executable();
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryDirectory.PathOf(),
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Bicep is a self-contained .NET app; build agents without ICU would otherwise stop it at start.
        startInfo.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {executable}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(CommandLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`bicep {string.Join(' ', arguments)}` did not finish within {CommandLimit}.");
        }

        return new BicepRun(string.Join(' ', arguments), process.ExitCode, await standardOutput, await standardError);
    }

    private static string Executable()
    {
        var path = typeof(BicepCli).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The Bicep CLI is not at '{path}'. Restore RideHailer.Tests: it references the pinned "
                + "Azure.Bicep.CommandLine.linux-x64 package, whose props file sets $(BicepPath).");
        }

        // NuGet does not always keep the execute bit when it extracts a package.
        if (OperatingSystem.IsLinux() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
