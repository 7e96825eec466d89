using RideHailer.Skill.Alexa.Read;
namespace RideHailer.Skill.Alexa.Enrich;

/// <summary>
/// The local default: a linked rider is identified by a hash of the Alexa person id (a speaker's own link)
/// or user id (the account's link), which Alexa keeps stable per skill. Good enough for the built-in fleet;
/// a deployment with its own identity provider validates the token instead (<c>RiderIdentity:Authority</c>).
/// </summary>
public sealed class AlexaUserRiderIdentity : IRiderIdentity
{
    public Task<string?> ResolveRiderIdAsync(LinkedAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrEmpty(account.AccessToken);
        var subject = string.IsNullOrEmpty(account.AlexaId) ? account.AccessToken : account.AlexaId;
        return Task.FromResult<string?>(RiderIds.FromSubject(subject));
    }
}
