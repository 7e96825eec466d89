using System.Net;
using System.Text.RegularExpressions;

namespace RideHailer.Simulation;

/// <summary>Speech as the rider hears it: SSML tags dropped, a recognised speaker's name tag said as their first name.</summary>
internal static partial class HeardSpeech
{
    public static string From(string ssmlOrText, string speakerFirstName)
    {
        ArgumentNullException.ThrowIfNull(ssmlOrText);
        var named = NameTag().Replace(ssmlOrText, speakerFirstName);
        return WebUtility.HtmlDecode(AnyTag().Replace(named, string.Empty)).Trim();
    }

    [GeneratedRegex("<alexa:name\\b[^>]*/>", RegexOptions.CultureInvariant)]
    private static partial Regex NameTag();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();
}
