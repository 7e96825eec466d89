using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RideHailer.Skill.Rides.Http;

namespace RideHailer.Skill.RideEvents;

/// <summary>
/// The webhook's signature: <c>sha256=</c> and the lowercase hex HMAC-SHA256, keyed with <c>RideProvider:WebhookSecret</c>,
/// over <c>"&lt;timestamp&gt;.&lt;raw body&gt;"</c> (the <c>X-Ride-Timestamp</c> header's unix seconds, a dot, the body's bytes).
/// </summary>
public static class RideEventSignature
{
    /// <summary>How far the timestamp may be from the skill's clock, either way, before the event is refused as a replay.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>The <c>X-Ride-Signature</c> header a provider sends for <paramref name="body"/> posted at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return RideProviderContract.SignaturePrefix + Convert.ToHexStringLower(Mac(secret, timestamp.ToString(CultureInfo.InvariantCulture), body));
    }

    /// <summary>Whether <paramref name="signature"/> is the one <paramref name="secret"/> makes, compared in constant time.</summary>
    public static bool Matches(string secret, string timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        if (signature is null || !signature.StartsWith(RideProviderContract.SignaturePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var hex = signature.AsSpan(RideProviderContract.SignaturePrefix.Length);
        var expected = Mac(secret, timestamp, body);
        if (hex.Length != expected.Length * 2)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[expected.Length];
        return Convert.FromHexString(hex, given, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
