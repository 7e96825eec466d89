using System.Security.Cryptography;
using System.Text;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using RideHailer.Simulation;

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
        (_sidecar, var port) = await LoopbackServer.StartAsync(
            HttpProtocols.Http2,
            services =>
            {
                services.AddSingleton(loggerFactory);
                services.AddGrpc();
                services.AddSingleton(service);
                services.AddSingleton(client);
                services.AddSingleton<TaskHubGrpcServer>();
            },
            sidecar =>
            {
                // Only this host's worker and client, which carry the channel's per-start secret; anyone else is 401,
                // which gRPC reports as Unauthenticated.
                var secret = Encoding.ASCII.GetBytes(channel.Secret);
                sidecar.Use((context, next) =>
                {
                    if (context.Request.Headers[SidecarChannel.SecretHeader] is [{ } sent] &&
                        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sent), secret))
                    {
                        return next(context);
                    }

                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                });
                sidecar.MapGrpcService<TaskHubGrpcServer>();
            },
            cancellationToken);
        channel.Listening(port);
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
