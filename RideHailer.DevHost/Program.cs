using RideHailer.DevHost;
using RideHailer.Skill;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRideHailerSkill(builder.Configuration);

var app = builder.Build();
app.MapPost(AlexaHttpEndpoint.Route, (SkillEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context));
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
