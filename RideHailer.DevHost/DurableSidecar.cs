using System.Net;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace RideHailer.DevHost;

/// <summary>
/// Runs the public Durable Task gRPC sidecar (<see cref="TaskHubGrpcServer"/>) over an orchestration
/// service (in memory, or DurableTask.AzureStorage) on a loopback HTTP/2 port, so the DevHost's worker
/// and client speak to it exactly as they would to any Durable Task backend.
/// </summary>
internal sealed class DurableSidecar(
    IOrchestrationService service,
    IOrchestrationServiceClient client,
    SidecarChannel channel,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _sidecar;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync();

        // Built outside the caller's execution context: a WebApplicationFactory (the tests) watches the
        // hosts built in its async flow and would take this one over as if it were the app under test.
        Task<int> start;
        using (ExecutionContext.SuppressFlow())
        {
            start = Task.Run(() => StartSidecarAsync(cancellationToken), cancellationToken);
        }

        channel.Listening(await start);
    }

    private async Task<int> StartSidecarAsync(CancellationToken cancellationToken)
    {
        // Empty: the DevHost's own settings (its URL from the launch profile, above all) are not the sidecar's.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRouting();
        builder.Services.AddSingleton(loggerFactory);
        ListenOptions? endpoint = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            endpoint = listen;
        }));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        _sidecar = builder.Build();
        _sidecar.MapGrpcService<TaskHubGrpcServer>();
        await _sidecar.StartAsync(cancellationToken);

        // Kestrel writes the port the OS chose back into the endpoint it bound.
        return endpoint!.IPEndPoint!.Port;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is not null)
        {
            await _sidecar.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
        }
    }
}
