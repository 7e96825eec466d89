namespace RideHailer.Tests.Support.WebConsole;

/// <summary>
/// A fact that drives a real browser: Debian's chromium (CI's <c>.ci/run</c> installs it with apt-get when missing).
/// Where none is installed, it is reported as skipped with the reason, never passed.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where the browser is: <c>CHROMIUM_PATH</c> when set, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"No Chromium at {ExecutablePath}: install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH. "
                + "Playwright's own browser download cannot be used here.";
        }
    }
}
