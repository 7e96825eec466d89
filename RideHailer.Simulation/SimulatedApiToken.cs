using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace RideHailer.Simulation;

/// <summary>
/// The simulator's <c>apiAccessToken</c>. Alexa's own token tells its APIs whose request it came with; this one
/// carries the user and person ids in the clear, so the local APIs answer for the right rider without keeping state.
/// </summary>
public static class SimulatedApiToken
{
    public const string DefaultPrefix = "simulated-api-access-token";

    public static string For(string userId, string? personId, string prefix = DefaultPrefix) =>
        $"{prefix}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(userId))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(personId ?? ""))}";

    public static bool TryRead(string token, [NotNullWhen(true)] out string? userId, out string? personId)
    {
        userId = personId = null;
        var parts = (token ?? "").Split('.');
        if (parts.Length < 3)
        {
            return false;
        }

        try
        {
            userId = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[^2]));
            var person = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[^1]));
            personId = person.Length == 0 ? null : person;
            return userId.Length > 0;
        }
        catch (FormatException)
        {
            userId = null;
            return false;
        }
    }
}
