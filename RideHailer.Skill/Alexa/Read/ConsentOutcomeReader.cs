using RideHailer.Domain.Consent;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>Reads the consent connection's <c>cause.status.code</c> and <c>cause.result.status</c> into the Domain's outcome.</summary>
public static class ConsentOutcomeReader
{
    /// <summary>A 204 is the rider not answering; any code but 200 and 204, or a status the skill does not know, is a failure.</summary>
    public static ConsentOutcome Read(string? code, string? status) => code?.Trim() switch
    {
        ConnectionWords.NoContent => ConsentOutcome.NotAnswered,
        ConnectionWords.Ok => status?.Trim().ToUpperInvariant() switch
        {
            ConnectionWords.Accepted => ConsentOutcome.Accepted,
            ConnectionWords.Denied => ConsentOutcome.Denied,
            ConnectionWords.NotAnswered => ConsentOutcome.NotAnswered,
            ConnectionWords.RedirectToApp => ConsentOutcome.RedirectToApp,
            _ => ConsentOutcome.Failed,
        },
        _ => ConsentOutcome.Failed,
    };
}
