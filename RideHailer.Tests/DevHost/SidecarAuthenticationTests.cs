using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.DurableTask.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.DevHost;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.DevHost;

/// <summary>
/// The durable sidecar's loopback port answers only this host's worker and client: another local process, without the
/// per-start secret, cannot list the sessions or read their pending tokens (issue #32, Low).
/// </summary>
public sealed class SidecarAuthenticationTests
{
    [Fact]
    public async Task CallWithoutTheSecret_IsUnauthenticated_TheHostsOwnChannelIsAnswered()
    {
        await using var app = new RideHailerApp();
        var channel = app.Services.GetRequiredService<SidecarChannel>();
        var port = await channel.Port.WaitAsync(TimeSpan.FromSeconds(30));
        using var stranger = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

        var refused = await Assert.ThrowsAsync<RpcException>(
            async () => await new TaskHubSidecarService.TaskHubSidecarServiceClient(stranger).HelloAsync(new Empty()));
        await new TaskHubSidecarService.TaskHubSidecarServiceClient(channel.Channel).HelloAsync(new Empty());

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }
}
