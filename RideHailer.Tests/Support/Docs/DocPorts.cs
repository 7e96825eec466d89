using System.Net;
using System.Net.Sockets;

namespace RideHailer.Tests.Support.Docs;

/// <summary>
/// The fixed ports the docs' commands listen on: the DevHost's launch profile (7071) and Azurite's defaults
/// (blob, queue, table). No other test uses them; another program on this machine might, and then a block would
/// talk to it instead of to what it started, so each block waits for them to be free first.
/// </summary>
internal static class DocPorts
{
    public static readonly int[] All = [7071, 10000, 10001, 10002];

    private static readonly TimeSpan FreeTimeout = TimeSpan.FromSeconds(30);

    public static async Task WaitUntilFreeAsync()
    {
        var deadline = DateTime.UtcNow + FreeTimeout;
        while (true)
        {
            var taken = new List<int>();
            foreach (var port in All)
            {
                if (await IsListeningAsync(IPAddress.Loopback, port) || await IsListeningAsync(IPAddress.IPv6Loopback, port))
                {
                    taken.Add(port);
                }
            }

            if (taken.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(
                    $"Port {string.Join(", ", taken)} is in use by another program on this machine; the docs' commands "
                    + $"listen on {string.Join(", ", All)}. Stop it (`ss -ltnp` names it) and run the doc tests again.");
            }

            await Task.Delay(500);
        }
    }

    private static async Task<bool> IsListeningAsync(IPAddress address, int port)
    {
        using var client = new TcpClient(address.AddressFamily);
        try
        {
            await client.ConnectAsync(address, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
