using System.Net;
using System.Text.RegularExpressions;

namespace RideHailer.Simulation;

/// <summary>
/// Speech as the rider hears it: SSML tags dropped, a recognised speaker's name tag said as their first name, and
/// characters said one by one (a licence plate) set apart.
/// </summary>
internal static partial class HeardSpeech
{
    public static string From(string ssmlOrText, string speakerFirstName)
    {
        ArgumentNullException.ThrowIfNull(ssmlOrText);
        var spelled = Characters().Replace(ssmlOrText, match => string.Join(' ', match.Groups["said"].Value.ToCharArray()));
        var named = NameTag().Replace(spelled, speakerFirstName);
        return WebUtility.HtmlDecode(AnyTag().Replace(named, string.Empty)).Trim();
    }

    [GeneratedRegex("<alexa:name\\b[^>]*/>", RegexOptions.CultureInvariant)]
    private static partial Regex NameTag();

    [GeneratedRegex("<say-as interpret-as=\"characters\">(?<said>[^<]*)</say-as>", RegexOptions.CultureInvariant)]
    private static partial Regex Characters();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex AnyTag();
}
