using System.Diagnostics.CodeAnalysis;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>Checks the <c>SignatureCertChainUrl</c> header against the rules Alexa certification requires.</summary>
public static class CertificateChainUrl
{
    private const string Host = "s3.amazonaws.com";
    private const string PathPrefix = "/echo.api/";

    // System.Uri unescapes %2e and turns '\' into '/' before it removes dot segments, and keeps '%2f' escaped,
    // so what it checks and what a server resolves can differ. Alexa's URLs never contain these characters;
    // refusing them leaves only plain paths, whose dot segments Uri removes exactly as RFC 3986 says.
    // '@' (userinfo), '?' and '#' are refused so the URL cannot carry another host or vary the cache key.
    private const string ForbiddenCharacters = "%\\@?#";

    public static bool TryNormalise(
        string? url,
        [NotNullWhen(true)] out Uri? normalised,
        [NotNullWhen(false)] out string? failureReason)
    {
        normalised = null;
        failureReason = Check(url, out var path);
        if (failureReason is not null)
        {
            return false;
        }

        normalised = new Uri($"https://{Host}{path}", UriKind.Absolute);
        return true;
    }

    private static string? Check(string? url, out string path)
    {
        path = string.Empty;
        if (string.IsNullOrEmpty(url))
        {
            return "certificate URL missing";
        }

        if (url.Any(c => c is <= ' ' or > '~' || ForbiddenCharacters.Contains(c, StringComparison.Ordinal)))
        {
            return "certificate URL has characters Alexa does not use";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "certificate URL is not an absolute URL";
        }

        if (!string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
        {
            return "certificate URL scheme is not https";
        }

        if (!string.Equals(uri.Host, Host, StringComparison.OrdinalIgnoreCase))
        {
            return "certificate URL host is not s3.amazonaws.com";
        }

        if (uri.Port != 443)
        {
            return "certificate URL port is not 443";
        }

        // AbsolutePath has its dot segments removed already; the prefix is case-sensitive on purpose.
        if (!uri.AbsolutePath.StartsWith(PathPrefix, StringComparison.Ordinal))
        {
            return "certificate URL path does not start with /echo.api/";
        }

        path = uri.AbsolutePath;
        return null;
    }
}
