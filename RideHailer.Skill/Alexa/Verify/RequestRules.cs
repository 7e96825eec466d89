using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>The checks Alexa certification requires on a parsed request, beyond its signature.</summary>
public static class RequestRules
{
    /// <summary>Alexa's replay window: a request older or newer than this is rejected.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromSeconds(150);

    /// <summary>
    /// Skill events are sent outside any session and retried for up to an hour; Amazon's own SDK verifiers accept
    /// an <c>AlexaSkillEvent.*</c> timestamp up to an hour old (ask-sdk-express-adapter, ask-sdk-webservice-support).
    /// </summary>
    public static readonly TimeSpan SkillEventTimestampTolerance = TimeSpan.FromHours(1);

    public static string? CheckTimestamp(DateTimeOffset timestamp, DateTimeOffset now) => CheckTimestamp(timestamp, now, TimestampTolerance);

    /// <summary>The request's own window: an hour for a skill event, 150 seconds for anything else.</summary>
    public static string? CheckTimestamp(AlexaRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CheckTimestamp(
            request.Request.Timestamp, now, request.Request is SkillEventRequest ? SkillEventTimestampTolerance : TimestampTolerance);
    }

    private static string? CheckTimestamp(DateTimeOffset timestamp, DateTimeOffset now, TimeSpan tolerance)
    {
        if (timestamp == default)
        {
            return "the request has no timestamp";
        }

        return (now - timestamp).Duration() > tolerance ? $"the request timestamp is outside the {tolerance.TotalSeconds:0} second window" : null;
    }

    /// <summary>Every application id the request carries must be the configured skill's, and there must be one.</summary>
    public static string? CheckSkillId(AlexaRequest request, string skillId)
    {
        var fromSession = request.Envelope.Session?.Application?.ApplicationId;
        var fromContext = request.System?.Application?.ApplicationId;
        if (fromSession is null && fromContext is null)
        {
            return "the request has no application id";
        }

        var matches = (fromSession is null || string.Equals(fromSession, skillId, StringComparison.Ordinal)) &&
                      (fromContext is null || string.Equals(fromContext, skillId, StringComparison.Ordinal));
        return matches ? null : "the request is for another skill";
    }
}
