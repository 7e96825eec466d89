namespace RideHailer.Tests.Support.WebConsole;

/// <summary>
/// A fact that drives a real browser: Debian's chromium (CI's <c>.ci/run</c> installs it with apt-get when missing).
/// Where none is installed, it is reported as skipped with the reason, never passed; where the browser tests are
/// <see cref="Required"/> (CI), it runs and fails instead, so a browser CI failed to install cannot pass unnoticed.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where the browser is: <c>CHROMIUM_PATH</c> when set, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary><c>RIDEHAILER_BROWSER_TESTS=required</c>, which <c>.ci/run</c> sets: a missing browser is an error.</summary>
    public static bool Required { get; } =
        string.Equals(Environment.GetEnvironmentVariable("RIDEHAILER_BROWSER_TESTS"), "required", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the browser tests cannot run here, and how to fix it.</summary>
    public static string Missing =>
        $"No Chromium at {ExecutablePath}: install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH. "
        + "Playwright's own browser download cannot be used here.";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath) && !Required)
        {
            Skip = Missing;
        }
    }
}
