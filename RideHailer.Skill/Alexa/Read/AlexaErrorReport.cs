using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>
/// Alexa telling the skill that one of its responses failed: <c>System.ExceptionEncountered</c>, or a
/// <c>SessionEndedRequest</c> whose reason is <c>ERROR</c>. The type and message are Alexa's words about the
/// skill's response, never the rider's, so they may be logged; they are cut to <see cref="MaxTextLength"/>.
/// </summary>
/// <param name="Request">Which request reported it: <see cref="ExceptionEncountered"/> or <see cref="SessionEnded"/>.</param>
/// <param name="CauseRequestId">The request whose response failed, when Alexa says (ExceptionEncountered only).</param>
public sealed record AlexaErrorReport(string Request, string? ErrorType, string? Message, string? CauseRequestId)
{
    public const string ExceptionEncountered = "ExceptionEncountered";
    public const string SessionEnded = "SessionEnded";

    /// <summary>Enough for any message Alexa writes; a longer one is cut and ends in "…".</summary>
    public const int MaxTextLength = 500;

    public static AlexaErrorReport? From(SkillRequest request) => request switch
    {
        ExceptionEncounteredRequest exception => new(
            ExceptionEncountered, Cut(exception.Error?.Type), Cut(exception.Error?.Message), Cut(exception.Cause?.RequestId)),
        SessionEndedRequest { Reason: "ERROR" } ended => new(SessionEnded, Cut(ended.Error?.Type), Cut(ended.Error?.Message), null),
        _ => null,
    };

    private static string? Cut(string? text)
    {
        if (text is null || text.Length <= MaxTextLength)
        {
            return text;
        }

        // Never half a surrogate pair: a lone surrogate would break the log exporter's JSON.
        var length = char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength;
        return string.Concat(text.AsSpan(0, length), "…");
    }
}
