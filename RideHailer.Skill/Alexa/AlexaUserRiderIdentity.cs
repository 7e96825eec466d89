using System.Security.Cryptography;
using System.Text;

namespace RideHailer.Skill.Alexa;

/// <summary>
/// The local default: a linked rider is identified by a hash of their Alexa user id, which is stable per
/// account and skill. Good enough for the built-in fleet; a deployment with its own identity provider
/// replaces it with one that asks that provider who the token belongs to.
/// </summary>
public sealed class AlexaUserRiderIdentity : IRiderIdentity
{
    public Task<string?> ResolveRiderIdAsync(string accessToken, string? alexaUserId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var subject = string.IsNullOrEmpty(alexaUserId) ? accessToken : alexaUserId;
        return Task.FromResult<string?>("rider-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..24]);
    }
}
