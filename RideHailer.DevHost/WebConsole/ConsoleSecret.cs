using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// A secret made fresh at each start: the console's page (served only on this machine) sends it with every API call,
/// and the console's own skill client with every request it signs. Another site open in the same browser cannot read
/// the page, so it cannot send the secret; a cross-site request with a custom header needs a CORS preflight the host
/// never grants.
/// </summary>
internal sealed class ConsoleSecret
{
    public const string HeaderName = "X-Ride-Hailer-Console";

    private readonly byte[] _value = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    public string Value => Encoding.ASCII.GetString(_value);

    /// <summary>Whether the request carries this start's secret (compared in fixed time, so timing does not leak it).</summary>
    public bool IsCarriedBy(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers[HeaderName] is [{ } sent] &&
               CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sent), _value);
    }
}
