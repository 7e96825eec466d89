namespace RideHailer.DevHost.Publishing;

/// <summary>
/// What Amazon accepts as a published URL, each failure said with how to fix it: absolute https, reachable from
/// the internet (no loopback), and not one of the package's own placeholders.
/// </summary>
internal static class PublishedUrlRules
{
    /// <summary>Text that marks a value nobody filled in: the checked-in package's placeholders, and the example domains the help and docs use.</summary>
    private static readonly string[] PlaceholderMarks = ["example.com", "example.org", "example.net", "REPLACE", "<", ">", "your-function-app", "contoso.", "%3C", "%3E"];

    /// <summary>The first placeholder mark <paramref name="text"/> holds, or null.</summary>
    public static string? PlaceholderIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PlaceholderMarks.FirstOrDefault(mark => text.Contains(mark, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Why <paramref name="value"/> cannot be published as <paramref name="option"/>, with the fix; null when it can.</summary>
    public static string? Check(string option, string value, string example)
    {
        if (PlaceholderIn(value) is { } mark)
        {
            return $"{option} '{value}' is a placeholder (it contains '{mark}'). Pass the real address, e.g. {example}.";
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return $"{option} '{value}' is not an absolute URL. Pass the full address, e.g. {example}.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"{option} '{value}' is not https: Alexa accepts only https URLs here. Serve it over https and pass that address, e.g. {example}.";
        }

        if (uri.IsLoopback)
        {
            return $"{option} '{value}' is this machine: Alexa and the certification testers cannot reach it. Pass an address on the internet, e.g. {example}.";
        }

        return null;
    }

    /// <summary>
    /// <see cref="Check"/>, and what Alexa asks of a skill endpoint: port 443 (Alexa calls no other) and no user
    /// name or password in the URL.
    /// </summary>
    public static string? CheckEndpoint(string option, string value, string example)
    {
        if (Check(option, value, example) is { } failure)
        {
            return failure;
        }

        var uri = new Uri(value);
        if (uri.Port != 443)
        {
            return $"{option} '{value}' uses port {uri.Port}: Alexa sends requests only to port 443. Drop the port, e.g. {example}.";
        }

        return uri.UserInfo.Length > 0
            ? $"{option} '{value}' holds a user name or password, which Alexa does not send. Pass the address without it, e.g. {example}."
            : null;
    }
}
