using Microsoft.DurableTask.Client;
using Microsoft.Extensions.FileProviders;
using RideHailer.DevHost;
using RideHailer.DevHost.Publishing;
using RideHailer.DevHost.SampleProvider;
using RideHailer.DevHost.Simulator;
using RideHailer.DevHost.WebConsole;
using RideHailer.Skill;
using RideHailer.Skill.RideEvents;

// --help before any verb: the verbs and options, and nothing started.
if (HostCommandLine.AsksForHelp(args))
{
    return HostCommandLine.PrintHelp(Console.Out, HelpWidth.OfTheConsole());
}

// "skill-package": renders the package for a deployment; nothing is served.
if (args is [SkillPackageCommand.Verb, .. var packageFlags])
{
    return SkillPackageCommand.Run(packageFlags, SkillPackageSources.BesideTheHost, Environment.GetEnvironmentVariable, Console.Out, Console.Error, HelpWidth.OfTheConsole());
}

// "interaction-models": generates every locale's interaction model from the one source; nothing is served.
if (args is [InteractionModelsCommand.Verb, .. var modelFlags])
{
    return InteractionModelsCommand.Run(modelFlags, Console.Out, Console.Error);
}

// "chat": this same host on a free loopback port, talked to by a simulated Alexa in the terminal.
await using var chat = args is [ChatCommand.Verb, .. var flags] ? await ChatCommand.PrepareAsync(flags) : null;
if (chat?.ExitCode is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(chat is null ? args : []);
chat?.ConfigureHost(builder);

// The Functions app's host.json (copied beside the DevHost) tunes the durable engine for both hosts;
// it goes first so appsettings, environment variables and the command line can override it.
builder.Configuration.AddJsonFile(new PhysicalFileProvider(AppContext.BaseDirectory), "host.json", optional: true, reloadOnChange: false);
builder.Configuration.Sources.Insert(0, builder.Configuration.Sources[^1]);
builder.Configuration.Sources.RemoveAt(builder.Configuration.Sources.Count - 1);

// A port another process holds: one line with the fix, not Kestrel's stack traces. (chat picks a free port itself.)
if (chat is null && ListenPortCheck.FirstPortInUse(builder.Configuration) is { } portInUse)
{
    Console.Error.WriteLine(ListenPortCheck.PortInUseMessage(portInUse));
    return ListenPortCheck.PortInUseExitCode;
}

// Ctrl+C stops the host within 5 s on either backend (measured: half a second), never the framework's 30 s default.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
builder.Services
    .AddRideHailerSkill(builder.Configuration)
    .AddDurableBackend(builder.Configuration);
var servesSampleProvider = SampleProviderServiceCollectionExtensions.IsServed(builder.Configuration);
if (servesSampleProvider)
{
    // RideProvider:ServeSample=true: the built-in fleet over the ride-provider contract, and the skill's HTTP adapter on it.
    builder.Services.AddSampleProvider();
}

if (chat is null)
{
    // The web console at /console/, in Development only.
    await builder.AddWebConsoleAsync();
}

var app = builder.Build();
// The console's own requests go to an endpoint that trusts its kit's chain; every other request, Amazon's alone.
app.MapPost(AlexaHttpEndpoint.Route, (SkillEndpoint endpoint, DurableTaskClient durable, HttpContext context) =>
    ConsoleSkillEndpoint.For(context, endpoint).HandleAsync(context, durable));
if (servesSampleProvider)
{
    app.MapSampleProvider();
}

app.MapPost(RideEventsHttpEndpoint.Route, (RideEventWebhook webhook, DurableTaskClient durable, HttpContext context) => webhook.HandleAsync(context, durable));
app.MapWebConsole();
if (chat is not null)
{
    return await chat.RunAsync(app);
}

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
