using System.Diagnostics;
using System.Globalization;
using RideHailer.Simulation;

namespace RideHailer.Bench.Load;

/// <summary>
/// A host under test, launched as child processes on free loopback ports (one, or N DevHosts on one task hub,
/// each with its own machine name), with the time from process start until every instance has correctly
/// answered a launch request.
/// </summary>
internal sealed class TargetHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>How long the instances may take to share out the partitions before a level starts regardless.</summary>
    private static readonly TimeSpan BalanceTimeout = TimeSpan.FromSeconds(90);

    private readonly List<ChildProcess> _processes = [];
    private readonly Azurite? _azurite;

    private TargetHost(TargetKind kind, Azurite? azurite, StorageCallCounter? counter)
    {
        Kind = kind;
        _azurite = azurite;
        Counter = counter;
        Bookings = kind == TargetKind.AzureStorage && azurite is not null ? new StoredBookings(azurite.ConnectionString) : null;
    }

    public TargetKind Kind { get; }

    /// <summary>The round-robin balancer over the instances; one instance is a ring of one.</summary>
    public InstanceRing Instances { get; private set; } = null!;

    public Uri Url => Instances.First;

    public TimeSpan Startup { get; private set; }

    /// <summary>The bookings the host stored, when it stores them where the driver can read them (AzureStorage on Azurite).</summary>
    public StoredBookings? Bookings { get; }

    /// <summary>The Azurite the host stores in (AzureStorage and the bare loop), for the driver's own reads, which are not counted.</summary>
    public string? StorageConnectionString => _azurite?.ConnectionString;

    /// <summary>The storage calls the instances made (--count-storage), counted by the proxy they reach Azurite through.</summary>
    public StorageCallCounter? Counter { get; }

    /// <summary>Who holds each partition of the task hub, when the instances have machine names of their own.</summary>
    public PartitionOwners? Owners { get; private set; }

    public long? PeakWorkingSetKiB() => _processes[0].PeakWorkingSetKiB();

    /// <param name="instances">DevHosts on one task hub, each its own machine name (AzureStorage only).</param>
    /// <param name="wait">The DevHost's Durable:ReplyWait (Signal, Polling), or its default.</param>
    /// <param name="settings">More of the DevHost's settings, as environment variables (Places__Kind=AzureMaps, Ride__Retention=…).</param>
    public static async Task<TargetHost> LaunchAsync(
        TargetKind kind, string repository, BenchOptions options, HttpClient http, LocalAlexaApi alexaApi, CancellationToken cancellationToken,
        int instances = 1, string? wait = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var azurite = kind is TargetKind.AzureStorage or TargetKind.Bare ? await Azurite.StartAsync(repository, options.StorageLog, cancellationToken) : null;
        var counter = azurite is not null && options.CountStorage ? await StorageCallCounter.StartAsync(azurite, cancellationToken) : null;
        var host = new TargetHost(kind, azurite, counter);
        try
        {
            // Machine names of their own whenever instances are asked for: the engine's worker id is the machine name, as on Azure.
            var named = options.Instances.Count > 0 && kind == TargetKind.AzureStorage;
            var clock = Stopwatch.StartNew();
            var ring = new List<(Uri, string?)>();
            for (var index = 0; index < instances; index++)
            {
                var port = ChildProcess.FreeLoopbackPort();
                var worker = named ? "ridehailer-" + index.ToString(CultureInfo.InvariantCulture) : null;
                var start = StartInfo(kind, repository, options.Configuration, port, alexaApi.Endpoint, counter?.ConnectionString ?? azurite?.ConnectionString, wait);
                foreach (var (name, value) in settings ?? new Dictionary<string, string>())
                {
                    start.Environment[name] = value;
                }

                host._processes.Add(ChildProcess.Start(worker is null ? start : InOwnUtsNamespace(start, worker), options.HostLog));
                var path = kind == TargetKind.Node ? "/" : "/api/alexa";
                ring.Add((new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{path}"), worker));
            }

            host.Instances = new InstanceRing(ring);
            for (var index = 0; index < instances; index++)
            {
                await host.WaitUntilAnsweringAsync(index, ring[index].Item1, http, alexaApi, clock, cancellationToken);
            }

            host.Startup = clock.Elapsed;
            host.Owners = named ? new PartitionOwners(azurite!.ConnectionString) : null;
            if (host.Owners is not null && !await host.Owners.BalancedAsync(instances, BalanceTimeout, cancellationToken))
            {
                Console.Error.WriteLine($"  the partitions were not spread over {instances} instances within {BalanceTimeout.TotalSeconds:0} s; measuring anyway");
            }

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public string Output() => string.Join(Environment.NewLine, _processes.Select(process => process.Output()));

    /// <summary>Kills instance <paramref name="index"/> at once (SIGKILL: no shutdown, no lease released) and takes it out of the ring.</summary>
    public void Kill(int index)
    {
        _processes[index].Kill();
        Instances.Remove(index);
    }

    public async ValueTask DisposeAsync()
    {
        if (Owners is not null)
        {
            await Owners.DisposeAsync();
        }

        foreach (var process in _processes)
        {
            process.Dispose();
        }

        if (Counter is not null)
        {
            await Counter.DisposeAsync();
        }

        _azurite?.Dispose();
    }

    private async Task WaitUntilAnsweringAsync(
        int index, Uri url, HttpClient http, LocalAlexaApi alexaApi, Stopwatch clock, CancellationToken cancellationToken)
    {
        while (!await AnswersAsync(url, http, alexaApi, cancellationToken))
        {
            if (_processes[index].HasExited || clock.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"{Kind.Label()} did not answer a launch request:{Environment.NewLine}{_processes[index].Output()}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private async Task<bool> AnswersAsync(Uri url, HttpClient http, LocalAlexaApi alexaApi, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(10));
        return await new SeedConversation(http, InstanceRing.Single(url), alexaApi, Kind.IsBare()).LaunchAnswersAsync(attempt.Token);
    }

    /// <summary>
    /// The same process in a UTS namespace of its own named <paramref name="machineName"/> (Linux, as root): its
    /// Environment.MachineName, so DurableTask.AzureStorage's worker id, is that name, as each instance's is on Azure.
    /// </summary>
    private static ProcessStartInfo InOwnUtsNamespace(ProcessStartInfo start, string machineName)
    {
        var wrapped = new ProcessStartInfo("unshare") { WorkingDirectory = start.WorkingDirectory };
        // unshare and sh exec in turn, so the process the driver holds (and kills) is the host itself.
        foreach (var argument in new[] { "--uts", "sh", "-c", "hostname \"$0\" && exec \"$@\"", machineName, start.FileName }.Concat(start.ArgumentList))
        {
            wrapped.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in start.Environment)
        {
            wrapped.Environment[name] = value;
        }

        return wrapped;
    }

    private static ProcessStartInfo StartInfo(
        TargetKind kind, string repository, string configuration, int port, Uri apiEndpoint, string? storage, string? wait)
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
            TargetKind.Bare or TargetKind.BareInMemory => ("RideHailer.Bench.Bare", Path.Combine(repository, "bench", "RideHailer.Bench.Bare")),
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
        if (storage is not null)
        {
            environment["Durable__Backend"] = "AzureStorage";
            environment["Durable__Storage"] = storage;
            environment["ConnectionStrings__Tables"] = storage;
        }

        if (wait is not null)
        {
            environment["Durable__ReplyWait"] = wait;
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
