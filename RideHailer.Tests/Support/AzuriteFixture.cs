using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RideHailer.Tests.Support;

/// <summary>
/// Azurite (blob, queue and table) from the repository's node_modules, started once for the test run on free
/// loopback ports with in-memory persistence, and killed with its process tree at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The emulator's fixed account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known, published key; it protects nothing.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly List<string> _output = [];
    private Process? _process;
    private string? _workspace;

    public Uri BlobEndpoint { get; private set; } = null!;

    public Uri QueueEndpoint { get; private set; } = null!;

    public Uri TableEndpoint { get; private set; } = null!;

    /// <summary>A connection string for all three services, as an app setting would hold it.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    public async Task InitializeAsync()
    {
        var script = AzuriteScript();
        var ports = FreeLoopbackPorts(3);
        BlobEndpoint = Endpoint(ports[0]);
        QueueEndpoint = Endpoint(ports[1]);
        TableEndpoint = Endpoint(ports[2]);

        // With --inMemoryPersistence Azurite refuses --location; it still ensures its workspace (the working
        // directory), so a private one keeps the repository clean.
        _workspace = Directory.CreateTempSubdirectory("ridehailer-azurite-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workspace,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The preloaded line ends Azurite when our end of its stdin closes, so even a test host that dies
        // without disposing the fixture leaves no emulator behind.
        start.ArgumentList.Add("--import");
        start.ArgumentList.Add("data:text/javascript,process.stdin.on('end',()=>process.exit(0));process.stdin.resume();");
        start.ArgumentList.Add(script);
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "Azurite needs Node.js: 'node' was not found on PATH. Install Node.js 20 or later, then run 'npm ci' "
                + "at the repository root.",
                exception);
        }

        _process.OutputDataReceived += (_, line) => Remember(line.Data);
        _process.ErrorDataReceived += (_, line) => Remember(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync(ports);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        if (_workspace is not null)
        {
            Directory.Delete(_workspace, recursive: true);
        }
    }

    private static Uri Endpoint(int port) => new($"http://127.0.0.1:{port}/{AccountName}");

    private static string AzuriteScript()
    {
        var root = RepositoryRoot();
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        return File.Exists(script)
            ? script
            : throw new InvalidOperationException(
                $"Azurite is not installed: {script} is missing. Run 'npm ci' in {root} (it installs the version "
                + "package-lock.json pins; scripts/test.sh does this for you).");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RideHailer.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No RideHailer.sln above {AppContext.BaseDirectory}; cannot find node_modules.");
    }

    /// <summary>Ports free on loopback now, distinct from each other.</summary>
    internal static int[] FreeLoopbackPorts(int count)
    {
        // All listeners stay open until every port is chosen, so the ports are distinct.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    private async Task WaitUntilListeningAsync(int[] ports)
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        foreach (var port in ports)
        {
            while (!await AcceptsConnectionsAsync(port, deadline.Token))
            {
                if (_process!.HasExited || deadline.IsCancellationRequested)
                {
                    var reason = _process.HasExited ? $"exited with code {_process.ExitCode}" : $"did not listen within {StartTimeout}";
                    throw new InvalidOperationException($"Azurite {reason} on port {port}. Its output:{Environment.NewLine}{RecentOutput()}");
                }

                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 40)
            {
                _output.RemoveAt(0);
            }
        }
    }

    private string RecentOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }
}
