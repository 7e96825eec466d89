using RideHailer.Domain;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>Reads the consent connection's <c>cause.status.code</c> and <c>cause.result.status</c> into the Domain's outcome.</summary>
public static class ConsentOutcomeReader
{
    /// <summary>A 204 is the rider not answering; any code but 200 and 204, or a status the skill does not know, is a failure.</summary>
    public static ConsentOutcome Read(string? code, string? status) => code?.Trim() switch
    {
        "204" => ConsentOutcome.NotAnswered,
        "200" => status?.Trim().ToUpperInvariant() switch
        {
            "ACCEPTED" => ConsentOutcome.Accepted,
            "DENIED" => ConsentOutcome.Denied,
            "NOT_ANSWERED" => ConsentOutcome.NotAnswered,
            "REDIRECT_TO_APP" => ConsentOutcome.RedirectToApp,
            _ => ConsentOutcome.Failed,
        },
        _ => ConsentOutcome.Failed,
    };
}
