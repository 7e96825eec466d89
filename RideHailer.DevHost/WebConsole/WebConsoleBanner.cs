using Microsoft.Extensions.Options;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.DevHost.WebConsole;

/// <summary>The start-up banner's first lines when the console is served: where to open it.</summary>
internal static class WebConsoleBanner
{
    public static void Print(WebApplication app, IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(addresses);
        if (app.Services.GetService<ConsoleRuns>() is null)
        {
            return;
        }

        foreach (var address in addresses)
        {
            Console.WriteLine($"  Web console:        {address.TrimEnd('/')}{WebConsoleEndpoints.PagePath}");
        }

        if (!app.Services.GetRequiredService<IOptions<AlexaOptions>>().Value.VerifySignatures)
        {
            Console.WriteLine("                      (its requests are signed; set Alexa__VerifySignatures=true to have the host check them, as chat does)");
        }
    }
}
