using RideHailer.Bench.Floor;
using RideHailer.Skill;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRideHailerSkill(builder.Configuration);
builder.Services.AddSingleton<InMemorySessions>();
builder.Services.AddSingleton<FloorEndpoint>();

var app = builder.Build();
app.MapPost(AlexaHttpEndpoint.Route, (FloorEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context));
app.Run();
