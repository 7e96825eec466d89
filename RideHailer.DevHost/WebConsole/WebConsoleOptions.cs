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

    /// <summary>
    /// How long a run waits for the skill's answer before it shows a timeout: far above the endpoint's own reply
    /// budget (<c>Session:ReplyTimeout</c>), as the chat's 30 seconds are, so it is reached only when the host is stuck.
    /// </summary>
    public TimeSpan SkillTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
