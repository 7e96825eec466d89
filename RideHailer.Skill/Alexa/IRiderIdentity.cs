namespace RideHailer.Skill.Alexa;

/// <summary>
/// Resolves a linked account's access token to the stable rider id the bookings are kept under. A real
/// identity provider plugs in here; the token itself never leaves the edge.
/// </summary>
public interface IRiderIdentity
{
    Task<string?> ResolveRiderIdAsync(string accessToken, string? alexaUserId, CancellationToken cancellationToken);
}
