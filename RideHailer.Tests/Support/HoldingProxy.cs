using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RideHailer.Simulation;

namespace RideHailer.Tests.Support;

/// <summary>
/// An HTTP proxy on loopback in front of one storage endpoint. Once <see cref="HoldAll"/> is called it forwards
/// nothing more: each request waits, unanswered, until the proxy is disposed. That freezes a host mid-write at a
/// point the test chooses (a booking being stored, say), so a crash there is deterministic.
/// </summary>
internal sealed class HoldingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Content-Length",
    };

    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Uri _target;
    private WebApplication _app = null!;
    private volatile bool _holding;
    private int _disposed;

    private HoldingProxy(Uri target) => _target = target;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Completes when the first request has been held.</summary>
    public Task Held => _held.Task;

    public static async Task<HoldingProxy> StartAsync(Uri target)
    {
        var proxy = new HoldingProxy(target);
        (proxy._app, var port) = await LoopbackServer.StartAsync(HttpProtocols.Http1, _ => { }, app => app.Run(proxy.ForwardAsync), CancellationToken.None);
        proxy.Endpoint = new Uri($"http://127.0.0.1:{port}{target.AbsolutePath}");
        return proxy;
    }

    public void HoldAll() => _holding = true;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        if (_holding)
        {
            _held.TrySetResult();
            await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            context.Abort();
            return;
        }

        var target = new Uri(_target, context.Request.Path.Value + context.Request.QueryString.Value);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        request.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!HopByHop.Contains(name) && !request.Headers.TryAddWithoutValidation(name, [.. values]))
            {
                request.Content.Headers.TryAddWithoutValidation(name, [.. values]);
            }
        }

        using var response = await _http.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
