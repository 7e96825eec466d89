using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Simulation;

/// <summary>How the rider's voice-consent turn ends, as chosen with <c>--consent</c> or at the prompt.</summary>
public enum ConsentAnswer
{
    Accepted,
    Denied,
    NotAnswered,
    NoContent,
    RedirectToApp,
    BadRequest,
    Forbidden,
    NoProvider,
    Error,
}

/// <summary>The <c>--consent</c> values and what Alexa's consent task reports for each.</summary>
public static class ConsentAnswers
{
    public static readonly IReadOnlyDictionary<string, ConsentAnswer> ByFlag = new Dictionary<string, ConsentAnswer>(StringComparer.Ordinal)
    {
        ["accepted"] = ConsentAnswer.Accepted,
        ["denied"] = ConsentAnswer.Denied,
        ["not-answered"] = ConsentAnswer.NotAnswered,
        ["no-content"] = ConsentAnswer.NoContent,
        ["redirect-to-app"] = ConsentAnswer.RedirectToApp,
        ["bad-request"] = ConsentAnswer.BadRequest,
        ["forbidden"] = ConsentAnswer.Forbidden,
        ["no-provider"] = ConsentAnswer.NoProvider,
        ["error"] = ConsentAnswer.Error,
    };

    public static string Flag(this ConsentAnswer answer) => ByFlag.Single(pair => pair.Value == answer).Key;

    /// <summary>
    /// <c>cause.status.code</c>, and <c>cause.result.status</c> (null: no result, as with 204 and errors), per the
    /// voice-forward consent guide.
    /// </summary>
    public static (string Code, string Message, string? Status) Outcome(this ConsentAnswer answer) => answer switch
    {
        ConsentAnswer.Accepted => (ConnectionWords.Ok, "OK", ConnectionWords.Accepted),
        ConsentAnswer.Denied => (ConnectionWords.Ok, "OK", ConnectionWords.Denied),
        ConsentAnswer.NotAnswered => (ConnectionWords.Ok, "OK", ConnectionWords.NotAnswered),
        ConsentAnswer.NoContent => (ConnectionWords.NoContent, "(NO CONTENT/CANCELLED) THE SKILL SESSION WAS ENDED BY THE USER", null),
        ConsentAnswer.RedirectToApp => (ConnectionWords.Ok, "OK", ConnectionWords.RedirectToApp),
        ConsentAnswer.BadRequest => (ConnectionWords.BadRequest, "Bad request. The request was invalid.", null),
        ConsentAnswer.Forbidden => (ConnectionWords.Forbidden, "The requester was not allowed to invoke provider.", null),
        ConsentAnswer.NoProvider => (ConnectionWords.NotFound, "There are no providers available at this time.", null),
        ConsentAnswer.Error => (ConnectionWords.ServerError, "Server error.", null),
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };

    /// <summary>What the rider says (in the session's language: German for a German locale), or what happens instead, for the transcript.</summary>
    public static string RiderTurn(this ConsentAnswer answer, string? locale = null) => answer switch
    {
        ConsentAnswer.Accepted => SpokenLanguage.IsGerman(locale) ? "You: Ich stimme zu." : "You: I approve.",
        ConsentAnswer.Denied => SpokenLanguage.IsGerman(locale) ? "You: Nein." : "You: No.",
        ConsentAnswer.NotAnswered => "(you say nothing; Alexa times out after eight seconds)",
        ConsentAnswer.NoContent => "(you say nothing and the consent turn is cancelled)",
        ConsentAnswer.RedirectToApp => "(Alexa can't take this consent by voice and sends you to the Alexa app)",
        ConsentAnswer.BadRequest => "(Alexa's consent task finds the skill's request invalid)",
        ConsentAnswer.Forbidden => "(voice-forward consent is not configured for the skill, so Alexa refuses it)",
        ConsentAnswer.NoProvider => "(no consent provider is available right now)",
        ConsentAnswer.Error => "(Alexa's consent service fails)",
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };
}
