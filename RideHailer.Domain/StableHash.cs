using System.Security.Cryptography;
using System.Text;

namespace RideHailer.Domain;

/// <summary>
/// The one way the skill turns text into a fixed, safe, repeatable id: the leading hex of the SHA-256 of its UTF-8
/// bytes. Used for keys (idempotency, instance ids, table keys) and for ids kept opaque in storage and logs.
/// </summary>
public static class StableHash
{
    /// <summary>The first <paramref name="hexChars"/> lowercase hex digits of the SHA-256 of <paramref name="text"/>, after <paramref name="prefix"/>.</summary>
    public static string Hex(string prefix, string text, int hexChars = 64)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hexChars, 64);
        return prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..hexChars];
    }

    /// <summary>A number spread evenly over <paramref name="text"/>s, the same on every machine and run.</summary>
    public static uint Number(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);
    }
}
