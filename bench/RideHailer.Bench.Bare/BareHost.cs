using Microsoft.Extensions.FileProviders;
using RideHailer.DevHost;

namespace RideHailer.Bench.Bare;

/// <summary>The bare loop's web host: POST /api/alexa on the DevHost's durable backend, tuned by the same host.json.</summary>
internal static class BareHost
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // Lowest precedence, as in the DevHost: environment variables override the shipped tuning.
        builder.Configuration.AddJsonFile(new PhysicalFileProvider(AppContext.BaseDirectory), "host.json", optional: false, reloadOnChange: false);
        builder.Configuration.Sources.Insert(0, builder.Configuration.Sources[^1]);
        builder.Configuration.Sources.RemoveAt(builder.Configuration.Sources.Count - 1);
        builder.Services.AddDurableBackend(builder.Configuration, tasks => tasks.AddOrchestratorFunc<string, string>(BareSession.Name, BareSession.RunAsync));

        var app = builder.Build();
        app.MapPost("/api/alexa", BareEndpoint.HandleAsync);
        app.Run();
    }
}
