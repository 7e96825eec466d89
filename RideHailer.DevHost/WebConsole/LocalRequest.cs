namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// Whether a request was addressed to this machine by a browser on it: its <c>Host</c> is a loopback name and no proxy
/// forwarded it. A tunnel (devtunnel, ngrok) connects from loopback too, so the peer's address proves nothing; it
/// either keeps the public host name or adds forwarding headers. Checking the name also defeats DNS rebinding, where
/// another site's name resolves to 127.0.0.1.
/// </summary>
internal static class LocalRequest
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded", "X-Original-Host"];

    public static bool IsFromThisMachine(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Host.HasValue &&
               LoopbackHosts.Contains(request.Host.Host, StringComparer.OrdinalIgnoreCase) &&
               !ForwardingHeaders.Any(request.Headers.ContainsKey);
    }
}
