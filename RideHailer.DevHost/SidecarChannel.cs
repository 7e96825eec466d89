using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Grpc.Net.Client;

namespace RideHailer.DevHost;

/// <summary>
/// The gRPC channel the Durable Task worker and client use to reach <see cref="DurableSidecar"/>. It exists
/// before the sidecar has a port (the worker is built before any hosted service starts), so it dials the
/// port only when it connects: the OS picks a free port at start, with no race for a guessed one.
/// Every call carries <see cref="Secret"/>, made at each start: the sidecar answers no other caller, so another
/// process on this machine cannot list the sessions or read their pending tokens through the open port.
/// </summary>
internal sealed class SidecarChannel : IDisposable
{
    public const string SecretHeader = "x-ride-hailer-sidecar";

    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SidecarChannel()
    {
        Channel = GrpcChannel.ForAddress("http://127.0.0.1", new GrpcChannelOptions
        {
            HttpHandler = new SecretHandler(Secret)
            {
                InnerHandler = new SocketsHttpHandler
                {
                    ConnectCallback = ConnectAsync,
                    EnableMultipleHttp2Connections = true,
                    PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                },
            },
        });
    }

    public GrpcChannel Channel { get; }

    public string Secret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The sidecar's port, once it listens.</summary>
    public Task<int> Port => _port.Task;

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

    private sealed class SecretHandler(string secret) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(SecretHeader, secret);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
