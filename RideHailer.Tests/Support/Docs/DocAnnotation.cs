using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace RideHailer.Tests.Support.Docs;

/// <summary>
/// A block's <c>&lt;!-- doc-test: … --&gt;</c> annotation, parsed. The forms are
/// <c>runs</c>, <c>runs, prints "TEXT"</c>, <c>runs against URL, prints "TEXT"</c>, <c>serves URL</c>,
/// <c>not-run: REASON</c> and <c>offline-impossible: REASON</c>.
/// </summary>
internal sealed partial record DocAnnotation(DocCheck Check, Uri? Url, string? Prints, string? Reason)
{
    public const string Syntax =
        "runs | runs, prints \"TEXT\" | runs against URL[, prints \"TEXT\"] | serves URL | not-run: REASON | offline-impossible: REASON";

    public static bool TryParse(string? text, [NotNullWhen(true)] out DocAnnotation? annotation)
    {
        annotation = null;
        if (text is null)
        {
            return false;
        }

        if (Skipped().Match(text) is { Success: true } skipped)
        {
            var check = skipped.Groups["kind"].Value == "not-run" ? DocCheck.NotRun : DocCheck.OfflineImpossible;
            annotation = new DocAnnotation(check, null, null, skipped.Groups["reason"].Value.Trim());
            return true;
        }

        if (Serves().Match(text) is { Success: true } serves)
        {
            annotation = new DocAnnotation(DocCheck.Serves, new Uri(serves.Groups["url"].Value), null, null);
            return true;
        }

        if (Runs().Match(text) is { Success: true } runs)
        {
            var url = runs.Groups["url"].Success ? new Uri(runs.Groups["url"].Value) : null;
            var prints = runs.Groups["prints"].Success ? runs.Groups["prints"].Value : null;
            annotation = new DocAnnotation(url is null ? DocCheck.Runs : DocCheck.RunsAgainst, url, prints, null);
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?<kind>not-run|offline-impossible): *(?<reason>\S.*)$")]
    private static partial Regex Skipped();

    [GeneratedRegex(@"^serves (?<url>https?://\S+)$")]
    private static partial Regex Serves();

    [GeneratedRegex(@"^runs(?: against (?<url>https?://\S+?))?(?:, prints ""(?<prints>[^""]+)"")?$")]
    private static partial Regex Runs();
}
