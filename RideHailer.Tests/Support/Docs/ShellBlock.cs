using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RideHailer.Tests.Support.Docs;

/// <summary>
/// A doc block run as a reader runs it: <c>bash -euo pipefail -c BLOCK</c> in the repository root, stdin empty,
/// in a process group of its own (<c>setsid</c>), so that stopping it also stops what it started in the
/// background (<c>npm run azurite &amp;</c>) and what <c>dotnet run</c> started. A watcher process kills the group
/// if the test host dies first, so a crashed test run leaves no DevHost holding port 7071.
/// </summary>
internal sealed class ShellBlock : IAsyncDisposable
{
    private const int OutputLimit = 16_000;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    // Set by `dotnet test` for the test host; a reader's shell has none of them, and the DevHost's launch profile
    // must choose its own environment and URL.
    private static readonly string[] HostVariablePrefixes = ["MSBUILD", "VSTEST", "TESTINGPLATFORM", "ASPNETCORE_", "DOTNET_ENVIRONMENT"];

    private readonly Process _process;
    private readonly Process _watcher;
    private readonly StringBuilder _output = new();

    private ShellBlock(Process process)
    {
        _process = process;
        _watcher = Watch(process.Id);
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the block printed (stdout and stderr, interleaved), its last 16,000 characters.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ShellBlock Start(string script, string workingDirectory)
    {
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "bash", "-euo", "pipefail", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (HostVariablePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                start.Environment.Remove(name);
            }
        }

        // The test host is not a process group leader, so setsid does not fork: the process we start is the group.
        var shell = new ShellBlock(Process.Start(start) ?? throw new InvalidOperationException("setsid did not start."));
        shell._process.OutputDataReceived += (_, line) => shell.Remember(line.Data);
        shell._process.ErrorDataReceived += (_, line) => shell.Remember(line.Data);
        shell._process.BeginOutputReadLine();
        shell._process.BeginErrorReadLine();
        shell._process.StandardInput.Close();
        return shell;
    }

    /// <summary>Waits for the block's shell to exit; false when it is still running at the limit.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Stops the whole process group: SIGTERM (the DevHost and Azurite shut down), then SIGKILL.</summary>
    public async ValueTask DisposeAsync()
    {
        var group = _process.Id;
        if (await SignalAsync(group, "TERM"))
        {
            var deadline = DateTime.UtcNow + StopGrace;
            while (DateTime.UtcNow < deadline && await SignalAsync(group, "0"))
            {
                await Task.Delay(200);
            }

            if (await SignalAsync(group, "0"))
            {
                await SignalAsync(group, "KILL");
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        if (!_watcher.HasExited)
        {
            _watcher.Kill();
        }

        await _watcher.WaitForExitAsync();
        _watcher.Dispose();
    }

    // Lives while both the test host and the group do; kills the group when the host is gone.
    private static Process Watch(int group)
    {
        var host = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var pgid = group.ToString(CultureInfo.InvariantCulture);
        var watch = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var argument in new[]
        {
            "bash", "-c",
            $"while kill -0 {host} 2>/dev/null && kill -0 -- -{pgid} 2>/dev/null; do sleep 1; done; kill -KILL -- -{pgid} 2>/dev/null; true",
        })
        {
            watch.ArgumentList.Add(argument);
        }

        return Process.Start(watch) ?? throw new InvalidOperationException("The process group's watcher did not start.");
    }

    /// <summary>Sends a signal to every process of the group; false when none is left.</summary>
    private static async Task<bool> SignalAsync(int group, string signal)
    {
        var kill = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-" + signal, "--", "-" + group.ToString(CultureInfo.InvariantCulture) })
        {
            kill.ArgumentList.Add(argument);
        }

        using var process = Process.Start(kill)!;
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > OutputLimit)
            {
                _output.Remove(0, _output.Length - OutputLimit);
            }
        }
    }
}
