using RideHailer.Bench.Load;
using RideHailer.Simulation;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (FormatException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
// SIGINT or SIGTERM (Ctrl+C, a CI timeout) stops the run cleanly, so the hosts it launched are killed with it.
using var onInterrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
using var onTerminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);

var repository = options.Repository ?? FindRepository();
await using var alexaApi = await LocalAlexaApi.StartAsync();
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
using var http = new HttpClient(handler) { Timeout = options.RequestTimeout };

var targets = options.Url is null ? options.Targets : [TargetKind.External];
if (options.Idle is not null)
{
    return await IdleReport.RunAsync(targets, options, repository, http, alexaApi, stop.Token);
}

if (options.RideCost is { } rides)
{
    return await RideCostReport.RunAsync(rides, options, repository, http, alexaApi, args, stop.Token);
}

if (options.Bursts.Count > 0)
{
    return await BurstReport.RunAsync(targets, options, repository, http, alexaApi, args, stop.Token);
}

var results = new List<LevelResult>();
foreach (var target in targets)
{
    Say(target.Label());
    foreach (var instances in options.Instances.DefaultIfEmpty(1))
    {
        foreach (var wait in options.Waits.Count == 0 ? [null] : options.Waits.Select(wait => (string?)wait))
        {
            foreach (var riders in options.Riders)
            {
                // The place searches of one rider count back to back, so that a shared machine's mood weighs on both alike.
                foreach (var places in options.Places.Count == 0 ? [null] : options.Places.Select(places => (PlacesTarget?)places))
                {
                    results.Add(await RunLevelAsync(target, instances, wait, places, riders));
                }
            }
        }
    }
}

var errors = results.Sum(result => result.Errors);
var turns = results.Sum(result => result.Latency.All().Count);
if (!options.Quiet)
{
    var report = Report.Write(results, options, args);
    Console.WriteLine();
    Console.WriteLine(report);
    if (options.Out is { } file)
    {
        await File.WriteAllTextAsync(file, report);
    }
}

var booked = results.Sum(result => result.Booked);
var bookingFailures = results.Select(result => result.Bookings?.Failure).OfType<string>().ToList();
var audits = results.Select(result => result.Bookings).OfType<BookingAudit>().ToList();
var readBack = audits.Count == 0 || bookingFailures.Count > 0 ? "" : $", {audits.Sum(audit => audit.Stored)} bookings read back from the store, none twice";
Console.WriteLine(errors == 0
    ? $"bench: {booked} sessions booked, {turns} turns answered correctly{readBack}"
    : $"bench: {errors} sessions answered wrongly ({booked} booked)");
foreach (var failure in bookingFailures)
{
    Console.WriteLine("bench: bookings: " + failure);
}

return errors == 0 && bookingFailures.Count == 0 ? 0 : 1;

async Task<LevelResult> RunLevelAsync(TargetKind target, int instances, string? wait, PlacesTarget? places, int riders)
{
    // With --places azuremaps, a fresh geocoding stub per level, the DevHost's Places:Endpoint.
    await using var stub = places == PlacesTarget.AzureMaps ? await GeocodingStub.StartAsync(stop.Token) : null;
    // A fresh host (and Azurite) per level: levels do not inherit each other's sessions, timers and history.
    // Azurite's cost per call grows with what it holds, so otherwise the 32-rider level would pay for the 8-rider one.
    await using var host = target == TargetKind.External
        ? null
        : await TargetHost.LaunchAsync(target, repository, options, http, alexaApi, stop.Token, instances, wait, stub?.Settings());
    var ring = host?.Instances ?? InstanceRing.Single(options.Url!);
    var level = new LoadLevel(http, ring, alexaApi, options, target.IsBare(), places?.Trip())
    {
        Owners = host?.Owners,
        Counter = host?.Counter,
        MeasuredStarting = stub is null ? null : stub.Reset,
        During = host is not null && options.KillOneAt is { } killAt ? KillAfterAsync(host, killAt) : null,
    };
    var run = await level.RunAsync(riders, stop.Token);
    // The level's host and Azurite are its own: every booking in the store is this level's.
    var audit = host?.Bookings is { } bookings ? BookingAudit.Of(await bookings.RowsPerRiderAsync(stop.Token), run.Confirmed) : null;
    var result = new LevelResult(target, riders, run.Sessions, run.Booked, run.Errors, run.FirstErrors, run.Elapsed, run.Latency,
        host?.Startup, host?.PeakWorkingSetKiB(), audit)
    {
        Instances = instances,
        Wait = wait,
        Storage = run.Storage,
        KilledAt = options.KillOneAt?.TotalSeconds,
        PartitionMoves = run.PartitionMoves,
        Places = places,
        Searches = stub?.Searches,
    };
    var refused = stub?.Refused ?? 0;
    var all = result.Latency.All();
    var scaled = (options.Instances.Count > 0 || options.Waits.Count > 0 ? $"{instances} instance(s), {wait ?? "default"} wait, " : "")
        + (places is { } search ? search.Label() + ", " : "");
    Say($"  {scaled}{riders,3} riders: {result.Sessions} sessions, {all.Count} turns, {result.Errors} errors, {result.TurnsPerSecond:0} turns/s, "
        + $"p50 {all.P50:0.0} ms, p95 {all.P95:0.0} ms, p99 {all.P99:0.0} ms, max {all.Max:0.0} ms"
        + (instances > 1 ? $" (other instance: {result.Latency.Of(TurnRole.Other).Count} turns, p50 {result.Latency.Of(TurnRole.Other).P50:0.0} ms; {result.PartitionMoves} partition moves)" : "")
        + (result.Storage.Total > 0 && all.Count > 0 ? $", {result.Storage.Total / (double)all.Count:0.0} storage calls/turn ({result.Storage[StorageCallKind.InstancesRead] / (double)all.Count:0.00} Instances reads)" : "")
        + (audit is null ? "" : $", {audit.Stored} bookings stored, {audit.BookedTwice} twice")
        + (stub is null ? "" : $", {result.Searches!.Count} searches (stub p50 {result.Searches.P50:0.00} ms, p99 {result.Searches.P99:0.00} ms), {refused} refused")
        + (host is null ? $" ({ring.First})" : $" (host answering {host.Startup.TotalMilliseconds:0} ms after start)"));
    foreach (var error in result.FirstErrors.Append(audit?.Failure).OfType<string>())
    {
        Console.Error.WriteLine($"  error: {error}");
    }

    if (refused > 0)
    {
        // A request the stub does not recognise is not the documented Get Geocoding request: the run must not pass.
        Console.Error.WriteLine($"  error: the geocoding stub refused {refused} requests that were not the documented free-form Get Geocoding request, the first: {stub!.FirstRefused}");
        result = result with { Errors = result.Errors + refused };
    }

    if ((result.Errors > 0 || audit?.Failure is not null) && host is not null)
    {
        Console.Error.WriteLine("  host output (last lines):" + Environment.NewLine + host.Output());
    }

    return result;
}

// The last instance dies mid-level, as one of a Function App's instances can: no shutdown, its partition leases left to expire.
Func<CancellationToken, Task> KillAfterAsync(TargetHost host, TimeSpan after) => async cancellationToken =>
{
    await Task.Delay(after, cancellationToken);
    host.Kill(host.Instances.Count - 1);
    Say($"  killed instance {host.Instances.Count - 1} (SIGKILL) {after.TotalSeconds:0} s into the measured sessions");
};

void Stop(System.Runtime.InteropServices.PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

void Say(string line)
{
    if (!options.Quiet)
    {
        Console.WriteLine(line);
    }
}

static string FindRepository()
{
    for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "RideHailer.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("RideHailer.sln not found above the working directory; pass --repo");
}
