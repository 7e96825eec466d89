using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace RideHailer.DevHost;

/// <summary>
/// The gRPC channel the Durable Task worker and client use to reach <see cref="DurableSidecar"/>. It exists
/// before the sidecar has a port (the worker is built before any hosted service starts), so it dials the
/// port only when it connects: the OS picks a free port at start, with no race for a guessed one.
/// </summary>
internal sealed class SidecarChannel : IDisposable
{
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SidecarChannel()
    {
        Channel = GrpcChannel.ForAddress("http://127.0.0.1", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                ConnectCallback = ConnectAsync,
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
        });
    }

    public GrpcChannel Channel { get; }

    public void Listening(int port) => _port.TrySetResult(port);

    public void Dispose() => Channel.Dispose();

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var port = await _port.Task.WaitAsync(cancellationToken);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
