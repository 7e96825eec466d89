using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RideHailer.Bench.Load;

/// <summary>
/// A process the driver started: its output kept (the last lines, shown when something fails), its peak
/// working set read from /proc, and its whole tree killed on dispose.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private StreamWriter? _log;

    private ChildProcess(Process process, string? logPath)
    {
        _process = process;
        if (logPath is not null)
        {
            _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
            _log.WriteLine($"---- {process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} (pid {process.Id})");
        }
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <param name="logPath">Also append every line the process writes to this file (e.g. to find a slow turn in the host's log).</param>
    public static ChildProcess Start(ProcessStartInfo start, string? logPath = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var child = new ChildProcess(process, logPath);
        process.OutputDataReceived += (_, line) => child.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => child.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The node preload that ends a node child when our end of its stdin closes, so none outlives the driver.</summary>
    public const string NodeExitWithParent = "data:text/javascript,process.stdin.on('end',()=>process.exit(0));process.stdin.resume();";

    /// <summary>VmHWM: the peak resident set of the process so far, in KiB; null once it has gone.</summary>
    public long? PeakWorkingSetKiB()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public string Output()
    {
        lock (_lastLines)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    /// <summary>SIGKILL, as a crashed instance: nothing runs on the way out.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        lock (_lastLines)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _log?.WriteLine(line);
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 60)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
