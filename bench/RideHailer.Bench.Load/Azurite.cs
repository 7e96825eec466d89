using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace RideHailer.Bench.Load;

/// <summary>Azurite from the repository's node_modules (npm ci), in memory, on free loopback ports.</summary>
internal sealed class Azurite : IDisposable
{
    /// <summary>The emulator's fixed, published account key; it protects nothing.</summary>
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess _process;
    private readonly string _workspace;
    private readonly bool _logging;

    private Azurite(ChildProcess process, string workspace, int[] ports, bool logging)
    {
        _logging = logging;
        _process = process;
        _workspace = workspace;
        (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
        ConnectionString = ConnectionStringFor(BlobPort, QueuePort, TablePort);
    }

    public string ConnectionString { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>The emulator's account on these loopback ports (Azurite's own, or a proxy's in front of it).</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";"
        + $"BlobEndpoint=http://127.0.0.1:{Port(blobPort)}/devstoreaccount1;"
        + $"QueueEndpoint=http://127.0.0.1:{Port(queuePort)}/devstoreaccount1;"
        + $"TableEndpoint=http://127.0.0.1:{Port(tablePort)}/devstoreaccount1;";

    /// <param name="debugLog">Azurite's own request log (every storage call, slow: for counting calls, not timing them).</param>
    public static async Task<Azurite> StartAsync(string repository, string? debugLog, CancellationToken cancellationToken)
    {
        var script = Path.Combine(repository, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script}): run 'npm ci' in {repository}");
        }

        var ports = new[] { ChildProcess.FreeLoopbackPort(), ChildProcess.FreeLoopbackPort(), ChildProcess.FreeLoopbackPort() };
        var workspace = Directory.CreateTempSubdirectory("ridehailer-bench-azurite-").FullName;
        var start = new ProcessStartInfo("node") { WorkingDirectory = workspace };
        foreach (var argument in new[] { "--import", ChildProcess.NodeExitWithParent, script,
                     "--blobHost", "127.0.0.1", "--blobPort", Port(ports[0]),
                     "--queueHost", "127.0.0.1", "--queuePort", Port(ports[1]),
                     "--tableHost", "127.0.0.1", "--tablePort", Port(ports[2]),
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry" })
        {
            start.ArgumentList.Add(argument);
        }

        if (debugLog is not null)
        {
            start.ArgumentList.Add("--debug");
            start.ArgumentList.Add(Path.GetFullPath(debugLog));
        }

        var azurite = new Azurite(ChildProcess.Start(start), workspace, ports, debugLog is not null);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var port in ports)
        {
            while (!await AcceptsAsync(port, cancellationToken))
            {
                if (azurite._process.HasExited || DateTime.UtcNow > deadline)
                {
                    var output = azurite._process.Output();
                    azurite.Dispose();
                    throw new InvalidOperationException("Azurite did not start: " + output);
                }

                await Task.Delay(50, cancellationToken);
            }
        }

        return azurite;
    }

    public void Dispose()
    {
        if (_logging)
        {
            // Azurite writes its debug log behind the requests; killed at once, it would lose the last seconds of calls.
            Thread.Sleep(TimeSpan.FromSeconds(5));
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
