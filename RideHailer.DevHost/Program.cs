using Microsoft.DurableTask.Client;
using RideHailer.DevHost;
using RideHailer.Skill;

var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddRideHailerSkill(builder.Configuration)
    .AddDurableBackend(builder.Configuration);

var app = builder.Build();
app.MapPost(AlexaHttpEndpoint.Route, (SkillEndpoint endpoint, DurableTaskClient durable, HttpContext context) =>
    endpoint.HandleAsync(context, durable));
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
