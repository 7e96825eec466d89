using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using RideHailer.Tests.Support.SkillPackage;

namespace RideHailer.Tests.Support;

/// <summary>
/// The built DevHost in a process of its own, as a developer runs it, so a test can kill it the way a machine
/// dies (no shutdown, no abandoned messages) and start another on the same storage.
/// </summary>
internal sealed class DevHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private DevHostProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>What the host printed so far, for a failure message.</summary>
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

    public static async Task<DevHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var directory = OutputDirectory();
        var port = AzuriteFixture.FreeLoopbackPorts(1)[0];
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(directory, "RideHailer.DevHost.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = new DevHostProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/api/alexa"));
        void Read(object sender, DataReceivedEventArgs line)
        {
            lock (host._output)
            {
                host._output.AppendLine(line.Data);
            }

            if (line.Data?.Contains("Alexa endpoint:", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        }

        host._process.OutputDataReceived += Read;
        host._process.ErrorDataReceived += Read;
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        if (await Task.WhenAny(started.Task, host._process.WaitForExitAsync(), Task.Delay(StartTimeout)) != started.Task)
        {
            var output = host.Output;
            await host.DisposeAsync();
            throw new InvalidOperationException($"The DevHost did not start:{Environment.NewLine}{output}");
        }

        return host;
    }

    public async Task<JsonNode> PostAsync(JsonNode envelope)
    {
        using var content = new StringContent(envelope.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(Endpoint, content);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(body)!
            : throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {body}");
    }

    /// <summary>
    /// Sends SIGINT, what Ctrl+C in the developer's terminal sends, and waits up to <paramref name="patience"/> for the
    /// process to exit: its exit code and how long it took, or null when it was still running (then it is killed).
    /// </summary>
    public async Task<(int ExitCode, TimeSpan Took)?> InterruptAsync(TimeSpan patience)
    {
        using (var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        var clock = Stopwatch.StartNew();
        using var wait = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return (_process.ExitCode, clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return null;
        }
    }

    /// <summary>Kills the process outright, as a crashed machine stops: nothing is finished or handed back.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        _http.Dispose();
    }

    /// <summary>The DevHost's own build output (with its runtimeconfig, appsettings and host.json), in this test build's configuration.</summary>
    public static string OutputDirectory()
    {
        // Tests run from RideHailer.Tests/bin/<Configuration>/<framework>/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var directory = Path.Combine(SkillPackageFiles.RepositoryRoot, "RideHailer.DevHost", "bin", configuration, framework.Name);
        return File.Exists(Path.Combine(directory, "RideHailer.DevHost.runtimeconfig.json"))
            ? directory
            : throw new DirectoryNotFoundException($"The DevHost is not built at {directory}; build the solution first.");
    }
}
