using System.Security.Cryptography;
using System.Text;

namespace RideHailer.Skill.Alexa.Enrich;

/// <summary>
/// Ids kept opaque: a prefix and the leading hex of the SHA-256 of what they stand for, so no Alexa or provider
/// id is stored or logged as it was sent, and every backend gets a fixed-length, safe key.
/// </summary>
internal static class OpaqueId
{
    public static string Of(string prefix, string value, int hexChars) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..hexChars];
}
