using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RideHailer.Simulation;

namespace RideHailer.Bench.Load;

/// <summary>
/// A counting proxy in front of Azurite: one loopback port per storage service, each call passed on unchanged (the
/// shared-key signature covers the path and headers, not the port) and counted by kind. The hosts get
/// <see cref="ConnectionString"/>; the driver's own reads (bookings, partition owners) go to Azurite directly and are not counted.
/// </summary>
internal sealed class StorageCallCounter : IAsyncDisposable
{
    private readonly ConcurrentDictionary<StorageCallKind, long> _counts = new();
    private readonly List<WebApplication> _proxies = [];
    private readonly HttpClient _azurite = new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    private StorageCallCounter()
    {
    }

    public string ConnectionString { get; private set; } = "";

    /// <summary>Also tells the rides' calls apart (--ride-cost), reading what each call names.</summary>
    public RideLedger? Rides { get; set; }

    public static async Task<StorageCallCounter> StartAsync(Azurite azurite, CancellationToken cancellationToken)
    {
        var counter = new StorageCallCounter();
        var blob = await counter.ProxyAsync(StorageService.Blob, azurite.BlobPort, cancellationToken);
        var queue = await counter.ProxyAsync(StorageService.Queue, azurite.QueuePort, cancellationToken);
        var table = await counter.ProxyAsync(StorageService.Table, azurite.TablePort, cancellationToken);
        counter.ConnectionString = Azurite.ConnectionStringFor(blob, queue, table);
        return counter;
    }

    /// <summary>The calls counted so far, by kind.</summary>
    public StorageCalls Snapshot() => new(_counts.ToDictionary(pair => pair.Key, pair => pair.Value));

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies)
        {
            await proxy.StopAsync();
            await proxy.DisposeAsync();
        }

        _azurite.Dispose();
    }

    private async Task<int> ProxyAsync(StorageService service, int target, CancellationToken cancellationToken)
    {
        var (app, port) = await LoopbackServer.StartAsync(
            HttpProtocols.Http1, _ => { }, app => app.Run(context => ForwardAsync(context, service, target)), cancellationToken);
        _proxies.Add(app);
        return port;
    }

    private async Task ForwardAsync(HttpContext context, StorageService service, int target)
    {
        var request = context.Request;
        // The raw target, exactly as the client encoded it: the signature was computed over it.
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var kind = StorageCallClassifier.Classify(service, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "");
        _counts.AddOrUpdate(kind, 1, (_, count) => count + 1);

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), $"http://127.0.0.1:{target.ToString(CultureInfo.InvariantCulture)}{rawTarget}");
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        message.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in request.Headers)
        {
            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _azurite.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!string.Equals(name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        if (Rides is not { } rides)
        {
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            return;
        }

        // A fetched message names its instance only in the answer; a put's answer gives the message's id.
        var answer = kind is StorageCallKind.ControlQueueGet or StorageCallKind.WorkItemQueueGet or StorageCallKind.QueuePut
            ? await response.Content.ReadAsByteArrayAsync(context.RequestAborted)
            : null;
        rides.Observe(kind, rawTarget, body.ToArray(), answer);
        if (answer is null)
        {
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        else
        {
            await context.Response.Body.WriteAsync(answer, context.RequestAborted);
        }
    }
}

/// <summary>Storage calls by kind, and what they come to per turn.</summary>
internal sealed record StorageCalls(IReadOnlyDictionary<StorageCallKind, long> Counts)
{
    public static StorageCalls None { get; } = new(new Dictionary<StorageCallKind, long>());

    public long this[StorageCallKind kind] => Counts.GetValueOrDefault(kind);

    public long Total => Counts.Values.Sum();

    /// <summary>
    /// The calls a workload makes itself, without the engine's polling of empty queues: every queue get left out and one
    /// get per message put counted instead (a get that fetches a message; the engine fetches up to 32 at once, so this
    /// is an upper bound). What is left out is the idle bill, paid by the hour whether riders ride or not.
    /// </summary>
    public StorageCalls WithoutPolling() =>
        new(Counts.Where(pair => pair.Key is not (StorageCallKind.ControlQueueGet or StorageCallKind.WorkItemQueueGet))
            .Append(KeyValuePair.Create(StorageCallKind.ControlQueueGet, this[StorageCallKind.QueuePut]))
            .ToDictionary(pair => pair.Key, pair => pair.Value));

    /// <summary>The calls made between <paramref name="earlier"/> and this snapshot.</summary>
    public StorageCalls Since(StorageCalls earlier) =>
        new(Counts.ToDictionary(pair => pair.Key, pair => pair.Value - earlier[pair.Key]));
}
