using RideHailer.Skill.Alexa.Read;
namespace RideHailer.Skill.Alexa.Enrich;

/// <summary>
/// Resolves a linked account to the stable rider id the bookings are kept under, or null when the token
/// does not identify a rider (the rider is then treated as not linked). The token never leaves the edge.
/// </summary>
public interface IRiderIdentity
{
    Task<string?> ResolveRiderIdAsync(LinkedAccount account, CancellationToken cancellationToken);
}
