using System.Diagnostics;
using System.Globalization;
using RideHailer.Simulation;

namespace RideHailer.Bench.Load;

/// <summary>
/// A host under test, launched as a child process on a free loopback port, with the time from process
/// start to its first correctly answered launch request.
/// </summary>
internal sealed class TargetHost : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ChildProcess _process;
    private readonly Azurite? _azurite;

    private TargetHost(TargetKind kind, ChildProcess process, Azurite? azurite, Uri url)
    {
        Kind = kind;
        _process = process;
        _azurite = azurite;
        Url = url;
        Bookings = kind == TargetKind.AzureStorage && azurite is not null ? new StoredBookings(azurite.ConnectionString) : null;
    }

    public TargetKind Kind { get; }

    public Uri Url { get; }

    public TimeSpan Startup { get; private set; }

    /// <summary>The bookings the host stored, when it stores them where the driver can read them (AzureStorage on Azurite).</summary>
    public StoredBookings? Bookings { get; }

    public long? PeakWorkingSetKiB() => _process.PeakWorkingSetKiB();

    public static async Task<TargetHost> LaunchAsync(
        TargetKind kind, string repository, BenchOptions options, HttpClient http, LocalAlexaApi alexaApi, CancellationToken cancellationToken)
    {
        var azurite = kind is TargetKind.AzureStorage or TargetKind.Bare ? await Azurite.StartAsync(repository, options.StorageLog, cancellationToken) : null;
        var port = ChildProcess.FreeLoopbackPort();
        var start = StartInfo(kind, repository, options.Configuration, port, alexaApi.Endpoint, azurite);
        var path = kind == TargetKind.Node ? "/" : "/api/alexa";
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{path}");

        var clock = Stopwatch.StartNew();
        var host = new TargetHost(kind, ChildProcess.Start(start, options.HostLog), azurite, url);
        try
        {
            while (!await host.AnswersAsync(http, alexaApi, cancellationToken))
            {
                if (host._process.HasExited || clock.Elapsed > StartTimeout)
                {
                    throw new InvalidOperationException($"{kind.Label()} did not answer a launch request:{Environment.NewLine}{host._process.Output()}");
                }

                await Task.Delay(20, cancellationToken);
            }

            host.Startup = clock.Elapsed;
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public string Output() => _process.Output();

    public void Dispose()
    {
        _process.Dispose();
        _azurite?.Dispose();
    }

    private async Task<bool> AnswersAsync(HttpClient http, LocalAlexaApi alexaApi, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(10));
        return await new SeedConversation(http, Url, alexaApi, Kind == TargetKind.Bare).LaunchAnswersAsync(attempt.Token);
    }

    private static ProcessStartInfo StartInfo(
        TargetKind kind, string repository, string configuration, int port, Uri apiEndpoint, Azurite? azurite)
    {
        if (kind == TargetKind.Node)
        {
            var server = Path.Combine(repository, "bench", "peer-node", "server.js");
            Require(server, "run 'npm ci' in bench/peer-node");
            var node = new ProcessStartInfo("node") { WorkingDirectory = Path.GetDirectoryName(server)! };
            node.ArgumentList.Add("--import");
            node.ArgumentList.Add(ChildProcess.NodeExitWithParent);
            node.ArgumentList.Add(server);
            node.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
            node.Environment["NODE_ENV"] = "production";
            return node;
        }

        var (project, folder) = kind switch
        {
            TargetKind.Floor => ("RideHailer.Bench.Floor", Path.Combine(repository, "bench", "RideHailer.Bench.Floor")),
            TargetKind.Bare => ("RideHailer.Bench.Bare", Path.Combine(repository, "bench", "RideHailer.Bench.Bare")),
            _ => ("RideHailer.DevHost", Path.Combine(repository, "RideHailer.DevHost")),
        };
        var output = Path.Combine(folder, "bin", configuration, "net10.0");
        var dll = Path.Combine(output, project + ".dll");
        Require(dll, $"run 'dotnet build {Path.GetRelativePath(repository, folder)} -c {configuration}'");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = output };
        start.ArgumentList.Add(dll);
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        environment["Alexa__AllowedApiEndpoints__0"] = apiEndpoint.ToString().TrimEnd('/');
        // Per-turn Information logs to the console would be measured too; every host logs warnings only.
        environment["Logging__LogLevel__Default"] = "Warning";
        environment["DOTNET_NOLOGO"] = "1";
        if (azurite is not null)
        {
            environment["Durable__Backend"] = "AzureStorage";
            environment["Durable__Storage"] = azurite.ConnectionString;
            environment["ConnectionStrings__Tables"] = azurite.ConnectionString;
        }

        return start;
    }

    private static void Require(string path, string remedy)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: {remedy}");
        }
    }
}
