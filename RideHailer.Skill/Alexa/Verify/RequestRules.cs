using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>The checks Alexa certification requires on a parsed request, beyond its signature.</summary>
public static class RequestRules
{
    /// <summary>Alexa's replay window: a request older or newer than this is rejected.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromSeconds(150);

    public static string? CheckTimestamp(DateTimeOffset timestamp, DateTimeOffset now)
    {
        if (timestamp == default)
        {
            return "the request has no timestamp";
        }

        return (now - timestamp).Duration() > TimestampTolerance ? "the request timestamp is outside the 150 second window" : null;
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
