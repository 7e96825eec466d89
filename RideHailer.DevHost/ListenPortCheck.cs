using System.Net;
using System.Net.Sockets;

namespace RideHailer.DevHost;

/// <summary>
/// Finds a port the host is told to listen on that another process already holds, before anything starts: Kestrel
/// would find it only deep in start-up, and the host would print four stack traces for a clash whose fix is one flag.
/// The developer gets one line with that fix instead (as <c>func start</c> does), and exit code 2.
/// </summary>
internal static class ListenPortCheck
{
    /// <summary>The exit code of a host that could not listen where it was told to.</summary>
    public const int PortInUseExitCode = 2;

    /// <summary>Kestrel's own default, offered as the way out unless it is the port that is taken.</summary>
    private const int SuggestedPort = 5000;

    private const string KestrelDefaultUrl = "http://localhost:5000";

    /// <summary>
    /// The first port the host would listen on (the <c>urls</c> setting: <c>--urls</c>, <c>ASPNETCORE_URLS</c>, the
    /// launch profile; else <c>http_ports</c>; else Kestrel's default) that is in use, or null. Endpoints configured
    /// under <c>Kestrel:Endpoints</c>, port 0, Unix sockets and addresses this machine lacks are left to Kestrel.
    /// </summary>
    public static int? FirstPortInUse(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            return null;
        }

        var urls = configuration[WebHostDefaults.ServerUrlsKey]
            ?? configuration["http_ports"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Aggregate("", (all, port) => $"{all}http://*:{port};")
            ?? KestrelDefaultUrl;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var address)
                || address.Port <= 0)
            {
                continue;
            }

            if (EndPointsKestrelBinds(address).Any(InUse))
            {
                return address.Port;
            }
        }

        return null;
    }

    /// <summary>The one line the developer reads: what is wrong and the flag that fixes it, with a port free now.</summary>
    public static string PortInUseMessage(int port) =>
        $"port {port} is in use; pass --urls http://localhost:{FreePortOtherThan(port)}";

    // Kestrel binds "localhost" on both loopbacks (and fails if either is taken), an IP address as given, and any
    // other host name on every interface.
    private static IEnumerable<IPEndPoint> EndPointsKestrelBinds(Uri address)
    {
        if (address.IsLoopback && !IPAddress.TryParse(address.DnsSafeHost, out _))
        {
            yield return new IPEndPoint(IPAddress.Loopback, address.Port);
            if (Socket.OSSupportsIPv6)
            {
                yield return new IPEndPoint(IPAddress.IPv6Loopback, address.Port);
            }
        }
        else if (IPAddress.TryParse(address.DnsSafeHost, out var ip))
        {
            yield return new IPEndPoint(ip, address.Port);
        }
        else
        {
            yield return new IPEndPoint(IPAddress.Any, address.Port);
        }
    }

    private static bool InUse(IPEndPoint endPoint)
    {
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endPoint);
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // No such address here, no IPv6, no permission: not a clash, and Kestrel will say what it is.
            return false;
        }
    }

    private static int FreePortOtherThan(int port)
    {
        if (port != SuggestedPort && !InUse(new IPEndPoint(IPAddress.Loopback, SuggestedPort)))
        {
            return SuggestedPort;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
