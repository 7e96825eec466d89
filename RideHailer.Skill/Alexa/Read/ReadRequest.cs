using RideHailer.Domain;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>
/// A verified request read once: the turn it means, a connection's result in Alexa's words (for the metrics and the
/// enrichment), and the locale it speaks. Every later step takes this; none parses the body or <c>cause</c> again.
/// </summary>
/// <param name="Alexa">The parsed envelope, whose credentials only the enrichment reads.</param>
/// <param name="Turn">The Domain turn; null for a request type the skill does not converse with.</param>
/// <param name="ConnectionResult">The result of a connection of the skill's, when the request resumes one.</param>
/// <param name="Locale">The request's locale, as Alexa sent it (null when it sent none).</param>
public sealed record ReadRequest(AlexaRequest Alexa, Turn? Turn, ConnectionResultReport? ConnectionResult, string? Locale)
{
    /// <summary>Reads <paramref name="request"/>.</summary>
    public static ReadRequest From(AlexaRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = ConnectionResultReport.From(request);
        return new(request, TurnReader.Read(request, result), result, request.Request.Locale);
    }

    /// <summary>
    /// The scopes the user's latest skill permission event said were granted at the account level (the Alexa app's view,
    /// recorded by the skill); null when none was recorded. Fresher words in the request's own permissions map win.
    /// </summary>
    public IReadOnlyCollection<string>? ReportedScopes { get; init; }

    /// <summary>
    /// Likewise the speaking person's own grants (<c>acceptedPersonPermissions</c> of an event that named this person);
    /// null when none was recorded for them, whoever else of the account was.
    /// </summary>
    public IReadOnlyCollection<string>? ReportedPersonScopes { get; init; }

    /// <summary>Whether the request is the consent connection's result "200 ACCEPTED", exactly as Alexa wrote it.</summary>
    public bool IsAcceptedConsent => Turn is ConsentResolved
        && ConnectionResult is { Kind: ConnectionKind.Consent, Code: ConnectionWords.Ok, Status: ConnectionWords.Accepted };
}
