namespace RideHailer.DevHost.WebConsole;

/// <summary>The <c>WebConsole</c> settings: the test page at <c>/console/</c>, served in Development only.</summary>
internal sealed class WebConsoleOptions
{
    public const string SectionName = "WebConsole";

    /// <summary>
    /// Serve the console (and run its local Alexa APIs) in Development; false leaves the host as it was, trusting the
    /// certificate chain the configuration says instead of the console's.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
