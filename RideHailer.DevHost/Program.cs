using Microsoft.DurableTask.Client;
using RideHailer.DevHost;
using RideHailer.DevHost.Simulator;
using RideHailer.Skill;

// "chat": this same host on a free loopback port, talked to by a simulated Alexa in the terminal.
await using var chat = args is [ChatCommand.Verb, .. var flags] ? await ChatCommand.PrepareAsync(flags) : null;
if (chat?.ExitCode is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(chat is null ? args : []);
chat?.ConfigureHost(builder);
builder.Services
    .AddRideHailerSkill(builder.Configuration)
    .AddDurableBackend(builder.Configuration);

var app = builder.Build();
app.MapPost(AlexaHttpEndpoint.Route, (SkillEndpoint endpoint, DurableTaskClient durable, HttpContext context) =>
    endpoint.HandleAsync(context, durable));
if (chat is not null)
{
    return await chat.RunAsync(app);
}

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
