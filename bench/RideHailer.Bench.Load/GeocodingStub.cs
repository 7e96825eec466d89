using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RideHailer.Simulation;
using RideHailer.Tests.Places.AzureMaps;

namespace RideHailer.Bench.Load;

/// <summary>
/// Azure Maps Get Geocoding (api-version 2026-01-01) on a loopback port, for --places azuremaps: the launched DevHost's
/// Places:Endpoint. It answers the free-form request the skill sends (<c>GET /geocode?api-version=2026-01-01&amp;query=…
/// &amp;coordinates=lon,lat&amp;top=5</c> with the <c>subscription-key</c> header) with the body of Microsoft's documented
/// example "Search detail address 15127 NE 24th Street, Redmond, WA by query" (<see cref="GeocodingExamples.OneAddress"/>,
/// the tests' copy, compiled in from RideHailer.Tests), and anything else with 400 (counted: the run fails). It times
/// itself per search, from its handler's start to the body written: the search's own time, which a real Azure Maps
/// would replace with its own plus the network's.
/// </summary>
internal sealed class GeocodingStub : IAsyncDisposable
{
    /// <summary>The shared key the DevHost is given (Places:SubscriptionKey) and the stub expects; it protects nothing.</summary>
    public const string Key = "bench-stub-subscription-key";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(GeocodingExamples.OneAddress);
    private LatencySamples _searches = new();
    private WebApplication _app = null!;
    private int _refused;
    private string? _firstRefused;

    private GeocodingStub()
    {
    }

    /// <summary>The endpoint to give the DevHost (Places:Endpoint): http on loopback, which Development allows.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The stub's own time per search answered since the last <see cref="Reset"/>, in ms (recorded as Destination turns).</summary>
    public Percentiles Searches => Volatile.Read(ref _searches).Of(TurnKind.Destination);

    /// <summary>Requests that were not the documented free-form Get Geocoding request (answered 400).</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>The first request refused (its target, with the query), for the error message.</summary>
    public string? FirstRefused => Volatile.Read(ref _firstRefused);

    public static async Task<GeocodingStub> StartAsync(CancellationToken cancellationToken)
    {
        var stub = new GeocodingStub();
        var (app, port) = await LoopbackServer.StartAsync(
            HttpProtocols.Http1, _ => { }, app => app.Run(stub.AnswerAsync), cancellationToken);
        stub._app = app;
        stub.Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        return stub;
    }

    /// <summary>Forgets the searches so far (the warm-up's).</summary>
    public void Reset() => Volatile.Write(ref _searches, new LatencySamples());

    /// <summary>The DevHost's settings that point its place search here.</summary>
    public IReadOnlyDictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Places__Kind"] = "AzureMaps",
        ["Places__Endpoint"] = Endpoint.ToString().TrimEnd('/'),
        ["Places__SubscriptionKey"] = Key,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        var request = context.Request;
        var query = request.Query;
        if (!HttpMethods.IsGet(request.Method) || request.Path != "/geocode" || query["api-version"] != "2026-01-01"
            || string.IsNullOrWhiteSpace(query["query"]) || query["top"] != "5" || query["coordinates"].Count > 1
            || request.Headers["subscription-key"] != Key)
        {
            Interlocked.Increment(ref _refused);
            Interlocked.CompareExchange(ref _firstRefused, $"{request.Method} {request.Path}{request.QueryString}", null);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/geo+json";
        context.Response.ContentLength = Body.Length;
        await context.Response.Body.WriteAsync(Body, context.RequestAborted);
        Volatile.Read(ref _searches).Add(TurnKind.Destination, clock.Elapsed.TotalMilliseconds);
    }
}
