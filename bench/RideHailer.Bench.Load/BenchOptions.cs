using System.Globalization;

namespace RideHailer.Bench.Load;

/// <summary>The driver's flags. Plain <c>--name value</c> pairs: the tool is small and its flags few.</summary>
internal sealed record BenchOptions
{
    /// <summary>Hosts to launch and measure, in order; empty when <see cref="Url"/> names a running one.</summary>
    public IReadOnlyList<TargetKind> Targets { get; init; } = [];

    /// <summary>An endpoint that is already running (the driver does not launch it, and cannot read its memory).</summary>
    public Uri? Url { get; init; }

    /// <summary>Concurrent riders, one level after another against the same host process.</summary>
    public IReadOnlyList<int> Riders { get; init; } = [1, 8, 32];

    /// <summary>Concurrent launches per burst (instead of rider levels): each burst gets a fresh host.</summary>
    public IReadOnlyList<int> Bursts { get; init; } = [];

    /// <summary>Measured sessions per rider at each level.</summary>
    public int Sessions { get; init; } = 20;

    /// <summary>Unmeasured sessions per rider before each level.</summary>
    public int Warmup { get; init; } = 2;

    /// <summary>
    /// After the warm-up sessions, riders go on playing unmeasured ones for this long: a .NET host's code is still being
    /// recompiled (tiered compilation) for the first tens of seconds of load, and a short run measures that.
    /// </summary>
    public TimeSpan WarmupTime { get; init; } = TimeSpan.Zero;

    /// <summary>After this long a level starts no new session; sessions under way finish.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Pause between a rider's turns (0: a closed loop, the worst case for the host).</summary>
    public TimeSpan Think { get; init; } = TimeSpan.Zero;

    /// <summary>How long one request may take before it counts as an error (Alexa gives up at 8 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Build configuration of the .NET hosts to launch.</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>The repository root; found by walking up to RideHailer.sln when not given.</summary>
    public string? Repository { get; init; }

    /// <summary>Also write the report (Markdown) to this file.</summary>
    public string? Out { get; init; }

    /// <summary>Append every line the launched hosts (and Azurite) write to this file.</summary>
    public string? HostLog { get; init; }

    /// <summary>Azurite's debug log of every storage call (AzureStorage target; slows Azurite down: count, don't time).</summary>
    public string? StorageLog { get; init; }

    /// <summary>Print only errors and the one-line verdict (the CI smoke run).</summary>
    public bool Quiet { get; init; }

    /// <summary>DevHosts on one task hub per level, each its own machine name, behind the driver's round robin (AzureStorage); empty: one, as named by the OS.</summary>
    public IReadOnlyList<int> Instances { get; init; } = [];

    /// <summary>The DevHost's Durable:ReplyWait per level (Signal, Polling); empty: the DevHost's default.</summary>
    public IReadOnlyList<string> Waits { get; init; } = [];

    /// <summary>Count the hosts' storage calls by kind through a proxy in front of Azurite, reported per turn.</summary>
    public bool CountStorage { get; init; }

    /// <summary>
    /// Riders say a turn again after "that took too long" or no answer, as a rider would, instead of failing the session:
    /// scaled out (instances joining take partitions over while a level warms up) and with an instance killed.
    /// </summary>
    public bool RepeatsUnanswered => KillOneAt is not null || Instances.Count > 0;

    /// <summary>Instead of rider levels: count the storage calls of an idle host for this long (per --instances).</summary>
    public TimeSpan? Idle { get; init; }

    /// <summary>Kill (SIGKILL) the last instance this long into the measured sessions; riders repeat a turn that took too long.</summary>
    public TimeSpan? KillOneAt { get; init; }

    /// <summary>After each booking, a later session of the same rider asks "where is my ride" (one shot, RideStatusIntent).</summary>
    public bool AskStatus { get; init; }

    /// <summary>The DevHost's place search per level: the built-in catalog, or Azure Maps on the driver's geocoding stub; empty: the catalog, unlabelled.</summary>
    public IReadOnlyList<PlacesTarget> Places { get; init; } = [];

    /// <summary>Instead of rider levels: this many rides on the built-in fleet, booked apart, each counted in storage calls from booking to its end.</summary>
    public int? RideCost { get; init; }

    public const string Usage = """
        RideHailer.Bench.Load: N riders each play the seed conversation (launch, destination, consent resume,
        yes, PIN resume) over HTTP; every answer is checked; per-turn latency, throughput and host memory.

          --target T[,T..]   inmemory | azurestorage | bare | bare-inmemory | floor | node  (child processes)
          --url URL          measure a running endpoint instead (e.g. http://127.0.0.1:7071/api/alexa)
          --riders N[,N..]   concurrent riders per level (default 1,8,32)
          --burst N[,N..]    instead of rider levels: N launches at once on a fresh host, then the time until a
                             whole conversation is answered within 1 s per turn again (the recovery)
          --sessions N       measured sessions per rider per level (default 20)
          --warmup N         unmeasured sessions per rider before each level (default 2)
          --warmup-seconds S then unmeasured sessions for S seconds more, to measure warm code (default 0)
          --duration S       seconds after which a level starts no new session (default 60)
          --think MS         pause between a rider's turns (default 0)
          --timeout S        per-request timeout; a timeout is an error (default 10)
          --configuration C  build configuration of the .NET hosts (default Release)
          --repo DIR         repository root (default: found from the working directory)
          --out FILE         also write the Markdown report to FILE
          --host-log FILE    append the launched hosts' output to FILE
          --storage-log FILE Azurite's log of every storage call (slow: for counting calls per turn)
          --quiet            print only errors and the verdict
          --instances N[,N..] N DevHosts on one Azurite task hub per level (azurestorage), each its own machine
                             name (the engine's worker id; a UTS namespace each, Linux as root), requests spread
                             round robin; turns split by whether they reached their session's partition owner
          --wait W[,W..]     the DevHost's Durable:ReplyWait per level: signal | polling (the Functions wait)
          --count-storage    count the hosts' storage calls by kind (a proxy in front of Azurite), per turn
          --kill-one-at S    kill -9 the last instance S seconds into the measured sessions (with --instances)
          --idle S           instead of rider levels: storage calls per second of an idle host over S seconds
                             (azurestorage; vary the engine with extensions__durableTask__storageProvider__* variables)
          --status           after each booking, a later session of the same rider asks "where is my ride" (one shot,
                             RideStatusIntent), timed as turn Status (inmemory, azurestorage, --url)
          --places P[,P..]   the DevHost's place search per level: builtin (the catalog) | azuremaps (Places:Kind=
                             AzureMaps on the driver's stub of Get Geocoding, answering Microsoft's documented example;
                             the rider asks for that example's address); the stub's own time per search is reported
          --ride-cost N      instead of rider levels: N rides on the built-in fleet (azurestorage), its shortest ride
                             (3 minutes), booked 10 s apart; every storage call that names a ride counted, from its
                             booking to completed, and on to its purge (Ride:Retention 15 s for the run)
        Exit code: 0 when every turn was answered correctly, 1 otherwise, 2 for bad flags.
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--quiet")
            {
                options = options with { Quiet = true };
                continue;
            }

            if (name == "--count-storage")
            {
                options = options with { CountStorage = true };
                continue;
            }

            if (name == "--status")
            {
                options = options with { AskStatus = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new FormatException($"{name} needs a value");
            }

            var value = args[++i];
            options = name switch
            {
                "--target" => options with { Targets = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(TargetKinds.Parse)] },
                "--url" => options with { Url = new Uri(value, UriKind.Absolute) },
                "--riders" => options with { Riders = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Positive)] },
                "--burst" => options with { Bursts = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Positive)] },
                "--sessions" => options with { Sessions = Positive(value) },
                "--warmup" => options with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup-seconds" => options with { WarmupTime = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(value)) },
                "--think" => options with { Think = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--timeout" => options with { RequestTimeout = TimeSpan.FromSeconds(Positive(value)) },
                "--configuration" => options with { Configuration = value },
                "--repo" => options with { Repository = value },
                "--out" => options with { Out = value },
                "--host-log" => options with { HostLog = value },
                "--storage-log" => options with { StorageLog = value },
                "--instances" => options with { Instances = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Positive)] },
                "--wait" => options with { Waits = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Wait)] },
                "--idle" => options with { Idle = TimeSpan.FromSeconds(Positive(value)) },
                "--kill-one-at" => options with { KillOneAt = TimeSpan.FromSeconds(Positive(value)) },
                "--places" => options with { Places = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(PlacesTargets.Parse)] },
                "--ride-cost" => options with { RideCost = Positive(value) },
                _ => throw new FormatException($"unknown flag {name}"),
            };
        }

        if (options.Url is null == (options.Targets.Count == 0))
        {
            throw new FormatException("give either --target or --url");
        }

        if (options.KillOneAt is not null && options.Instances.Any(count => count < 2))
        {
            throw new FormatException("--kill-one-at needs --instances of 2 or more");
        }

        if ((options.AskStatus || options.Places.Count > 0) && options.Targets.Any(target => target is not (TargetKind.InMemory or TargetKind.AzureStorage)))
        {
            throw new FormatException("--status and --places need the skill itself: --target inmemory and/or azurestorage (or --url for --status)");
        }

        if (options.Places.Contains(PlacesTarget.AzureMaps) && options.Url is not null)
        {
            throw new FormatException("--places azuremaps launches the DevHost pointed at the driver's stub: use --target, not --url");
        }

        if (options.RideCost is not null && (options.Targets.Count != 1 || options.Targets[0] != TargetKind.AzureStorage))
        {
            throw new FormatException("--ride-cost counts Azure Storage calls: --target azurestorage");
        }

        return options;
    }

    private static string Wait(string value) => value.Trim().ToUpperInvariant() switch
    {
        "SIGNAL" => "Signal",
        "POLLING" => "Polling",
        _ => throw new FormatException($"unknown wait {value}: signal or polling"),
    };

    private static int Positive(string value)
    {
        var number = int.Parse(value, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new FormatException($"{value} is not a positive number");
    }
}
