using RideHailer.Domain;
using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>
/// A connection's result in Alexa's own words, as the request carried them: what the metrics count (the Domain
/// only hears the outcome). The words are raw and untrusted; the metric tags keep them to a closed set.
/// </summary>
/// <param name="Kind">Which connection resumed, from the token's form.</param>
/// <param name="Code">cause.status.code, "" when absent.</param>
/// <param name="Status">cause.result.status.</param>
/// <param name="Reason">cause.result.reason (PIN only).</param>
public sealed record ConnectionResultReport(ConnectionKind Kind, string Code, string? Status, string? Reason)
{
    /// <summary>The result of a SessionResumedRequest whose token names a connection of the skill's; null for anything else.</summary>
    public static ConnectionResultReport? From(AlexaRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Request is not SessionResumedRequest { Cause: { } cause } || !ConnectionToken.TryParse(cause.Token, out var token))
        {
            return null;
        }

        var code = cause.Status?.Code ?? "";
        if (token.Kind == ConnectionKind.Consent)
        {
            return new(token.Kind, code, AlexaRequestParser.ReadConsentResult(cause)?.Status, null);
        }

        var pin = AlexaRequestParser.ReadPinResult(cause);
        return new(token.Kind, code, pin?.Status, pin?.Reason);
    }
}
