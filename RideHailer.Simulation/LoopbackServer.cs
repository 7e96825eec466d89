using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace RideHailer.Simulation;

/// <summary>
/// A small web app of the DevHost's own (the durable sidecar, the local Alexa APIs) on 127.0.0.1 at a port
/// the OS picks: no guessed port to collide on, and none of the DevHost's settings (its URL from the
/// launch profile above all).
/// </summary>
public static class LoopbackServer
{
    public static Task<(WebApplication App, int Port)> StartAsync(
        HttpProtocols protocols, Action<IServiceCollection> configureServices, Action<WebApplication> map, CancellationToken cancellationToken) =>
        StartAsync(protocols, port: 0, configureServices, map, cancellationToken);

    /// <param name="port">A fixed port, for a server another process must be told of in advance; 0 lets the OS pick.</param>
    public static async Task<(WebApplication App, int Port)> StartAsync(
        HttpProtocols protocols, int port, Action<IServiceCollection> configureServices, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        // Built outside the caller's execution context: a WebApplicationFactory (the tests) watches the
        // hosts built in its async flow and would take this one over as if it were the app under test.
        Task<(WebApplication, int)> start;
        using (ExecutionContext.SuppressFlow())
        {
            start = Task.Run(() => BuildAndStartAsync(protocols, port, configureServices, map, cancellationToken), cancellationToken);
        }

        return await start;
    }

    private static async Task<(WebApplication, int)> BuildAndStartAsync(
        HttpProtocols protocols, int port, Action<IServiceCollection> configureServices, Action<WebApplication> map, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRouting();
        ListenOptions? endpoint = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            listen.Protocols = protocols;
            endpoint = listen;
        }));
        configureServices(builder.Services);

        var app = builder.Build();
        map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // A fixed port already in use: nothing else of this app may outlive the failure.
            await app.DisposeAsync();
            throw;
        }

        // Kestrel writes the port the OS chose back into the endpoint it bound.
        return (app, endpoint!.IPEndPoint!.Port);
    }
}
