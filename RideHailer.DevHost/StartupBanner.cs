using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Enrich.Identity;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.Places;
using RideHailer.Skill.Storage;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost;

/// <summary>Tells the developer where the endpoint listens and how it is configured (never secrets).</summary>
internal static class StartupBanner
{
    /// <summary>Printed last, once every hosted service has started: the host is ready for a turn.</summary>
    public const string LastLine = "  Ctrl+C stops the host.";

    public static void Print(WebApplication app)
    {
        var alexa = app.Services.GetRequiredService<IOptions<AlexaOptions>>().Value;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];

        Console.WriteLine();
        Console.WriteLine("Ride Hailer dev host");
        WebConsole.WebConsoleBanner.Print(app, addresses);
        foreach (var address in addresses)
        {
            Console.WriteLine($"  Alexa endpoint:     POST {address.TrimEnd('/')}/{AlexaHttpEndpoint.Route}");
        }

        Console.WriteLine($"  Environment:        {app.Environment.EnvironmentName}");
        Console.WriteLine($"  Alexa:SkillId:      {alexa.SkillId}");
        Console.WriteLine($"  Alexa:VerifySignatures: {alexa.VerifySignatures}{(alexa.VerifySignatures ? "" : "  (Development only: requests are not signature-checked)")}");
        Console.WriteLine($"  Alexa:AllowedApiEndpoints: {string.Join(", ", alexa.EffectiveApiEndpoints)}");
        Console.WriteLine($"  Booking:PinPolicy:  {app.Services.GetRequiredService<IOptions<BookingOptions>>().Value.PinPolicy}");
        Console.WriteLine($"  Rider identity:     {RiderIdentity(app.Services.GetRequiredService<IOptions<RiderIdentityOptions>>().Value)}");
        Console.WriteLine($"  Places:             {app.Services.GetRequiredService<IOptions<PlacesOptions>>().Value.Describe(app.Services.GetRequiredService<PlaceCatalog>())}");
        var durable = app.Services.GetRequiredService<IOptions<DurableOptions>>().Value;
        Console.WriteLine($"  Durable backend:    {durable.Backend} (reply wait: {durable.ReplyWait})");
        Console.WriteLine($"  Bookings:           {app.Services.GetRequiredService<BookingStoreDescription>()}");
        Console.WriteLine(LastLine);
        Console.WriteLine();
    }

    private static string RiderIdentity(RiderIdentityOptions identity) => identity.UsesIssuer
        ? $"JWTs from issuer {identity.Authority}, audience {identity.Audience}"
        : "a hash of the Alexa person or user id (RiderIdentity:Authority is not set)";
}
