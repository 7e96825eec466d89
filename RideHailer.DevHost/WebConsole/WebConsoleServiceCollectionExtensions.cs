using RideHailer.DevHost.Simulator;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.DevHost.WebConsole;

internal static class WebConsoleServiceCollectionExtensions
{
    /// <summary>
    /// In Development, unless <c>WebConsole:Enabled</c> is false: starts the console's kit and registers the console,
    /// trusting the kit's signing chain as well as Amazon's (<see cref="SimulatorHostSetup.AddSimulatorTrustAlongsideAmazon"/>): a
    /// real skill may reach the same host through a tunnel (docs/real-alexa.md).
    /// Anywhere else it does nothing, and <see cref="WebConsoleEndpoints.MapWebConsole"/> maps nothing.
    /// </summary>
    public static async Task AddWebConsoleAsync(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(WebConsoleOptions.SectionName).Get<WebConsoleOptions>() ?? new WebConsoleOptions();
        if (!builder.Environment.IsDevelopment() || !options.Enabled)
        {
            return;
        }

        var kit = await WebConsoleKit.StartAsync();
        builder.Services.Configure<WebConsoleOptions>(builder.Configuration.GetSection(WebConsoleOptions.SectionName));
        // A factory, not an instance, so the container owns the kit and stops its APIs with the host.
        builder.Services.AddSingleton(_ => kit);
        builder.Services.AddSingleton<ConsoleRuns>();
        builder.Services.AddTransient<ConsoleStateReader>();
        builder.Services.AddSimulatorTrustAlongsideAmazon(kit.Signer);
        builder.Services.PostConfigure<AlexaOptions>(alexa =>
        {
            // Added to the allowed list, not put in its place: a developer's real Echo (through a tunnel) still
            // reaches the official API hosts when none are configured.
            if (alexa.AllowedApiEndpoints.Count == 0)
            {
                foreach (var official in AlexaOptions.OfficialApiEndpoints)
                {
                    alexa.AllowedApiEndpoints.Add(official);
                }
            }

            alexa.AllowedApiEndpoints.Add(kit.AlexaApi.Endpoint.GetLeftPart(UriPartial.Authority));
        });
    }
}
