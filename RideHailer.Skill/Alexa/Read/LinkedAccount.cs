namespace RideHailer.Skill.Alexa.Read;

/// <summary>
/// The linked account a request speaks for: the recognised speaker's own link
/// (<c>context.System.person.accessToken</c>) when Alexa sends one, else the account holder's
/// (<c>user.accessToken</c>). PIN confirmation needs the former: a link that belongs to one person.
/// </summary>
/// <param name="AccessToken">The token the account-linking provider issued; never logged.</param>
/// <param name="AlexaId">Who Alexa says the link is for: the person id for a speaker's own link, else the user id.</param>
/// <param name="IsPersonLink">Whether the token is the recognised speaker's own link.</param>
public sealed record LinkedAccount(string AccessToken, string? AlexaId, bool IsPersonLink)
{
    /// <summary>Leaves the token out, so a log line or exception message can never carry it.</summary>
    public override string ToString() => $"LinkedAccount {{ AlexaId = {AlexaId}, IsPersonLink = {IsPersonLink} }}";
}
