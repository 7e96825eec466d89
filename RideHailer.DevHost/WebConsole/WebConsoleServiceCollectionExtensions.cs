using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.DevHost.WebConsole;

internal static class WebConsoleServiceCollectionExtensions
{
    /// <summary>
    /// In Development, unless <c>WebConsole:Enabled</c> is false: starts the console's kit and registers the console.
    /// The kit's signing chain is trusted only for the console's own requests (<see cref="ConsoleSkillEndpoint"/>): a
    /// real skill may reach the same host through a tunnel (docs/real-alexa.md), and is verified against Amazon's alone.
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
        builder.Services.AddSingleton<ConsoleSecret>();
        builder.Services.AddSingleton(provider => new ConsoleSkillEndpoint(provider, kit.Signer, provider.GetRequiredService<ConsoleSecret>()));
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
