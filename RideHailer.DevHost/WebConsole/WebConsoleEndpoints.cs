using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// The console's page (<c>/console/</c>, static files from <c>wwwroot</c>) and its JSON API (<c>/console/api/…</c>):
/// a thin layer over the runs, each call one step of the kit's conversation. Mapped only when
/// <see cref="WebConsoleServiceCollectionExtensions.AddWebConsoleAsync"/> registered the console (Development).
/// </summary>
internal static partial class WebConsoleEndpoints
{
    public const string PagePath = "/console/";
    public const string ApiPath = "/console/api";

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<ConsoleRuns>() is null)
        {
            return app;
        }

        // "/console" without its slash is not a route: routing ignores a trailing slash, and a route matched for
        // "/console/" would keep the static files middleware from serving the page.
        app.Use((context, next) =>
        {
            if (context.Request.Path == PagePath.TrimEnd('/'))
            {
                context.Response.Redirect(PagePath);
                return Task.CompletedTask;
            }

            return next(context);
        });
        // The page is wwwroot beside the content root; a host started without it still serves the API and the endpoint.
        var root = app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot");
        if (Directory.Exists(root))
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = PagePath.TrimEnd('/'), FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { RequestPath = PagePath.TrimEnd('/'), FileProvider = files });
        }
        else
        {
            PageMissing(app.Logger, root);
        }
        app.MapGet("/", () => Results.Redirect(PagePath));

        var api = app.MapGroup(ApiPath);
        api.MapPost("/runs", StartAsync);
        api.MapPost("/runs/{id}/say", (string id, HttpRequest request, ConsoleRuns runs) =>
            TurnAsync(id, request, runs, async (run, body, ct) => await run.SayAsync((await Read<SayRequest>(body, ct))?.Text, ct)));
        api.MapPost("/runs/{id}/answer", (string id, HttpRequest request, ConsoleRuns runs) =>
            TurnAsync(id, request, runs, async (run, body, ct) => await run.AnswerAsync((await Read<AnswerRequest>(body, ct))?.Outcome, ct)));
        api.MapGet("/runs/{id}/state", async (string id, ConsoleRuns runs, ConsoleStateReader reader, CancellationToken ct) =>
            runs.Find(id) is { } run ? Results.Ok(await reader.ReadAsync(run, ct)) : UnknownRun(id));
        return app;
    }

    private static async Task<IResult> StartAsync(
        HttpRequest request, ConsoleRuns runs, IOptions<AlexaOptions> alexa, IOptions<BookingOptions> booking, CancellationToken ct)
    {
        RiderFlags flags;
        try
        {
            flags = await Read<RiderFlags>(request, ct) ?? new RiderFlags();
        }
        catch (ConsoleInputException refused)
        {
            return Results.BadRequest(new ConsoleError(refused.Message));
        }

        var run = runs.Start(flags);
        return Results.Ok(new RunView(
            run.Id,
            run.Flags,
            RiderDescription.Of(run.Rider),
            booking.Value.PinPolicy.ToString(),
            alexa.Value.VerifySignatures,
            runs.SkillEndpoint.ToString(),
            runs.AlexaApiEndpoint.ToString(),
            QuickUtterances.For(null)));
    }

    private static async Task<IResult> TurnAsync(
        string id, HttpRequest request, ConsoleRuns runs, Func<ConsoleRun, HttpRequest, CancellationToken, Task<ConsoleTurn>> turn)
    {
        if (runs.Find(id) is not { } run)
        {
            return UnknownRun(id);
        }

        try
        {
            return Results.Ok(await turn(run, request, request.HttpContext.RequestAborted));
        }
        catch (ConsoleInputException refused)
        {
            return Results.BadRequest(new ConsoleError(refused.Message));
        }
    }

    /// <summary>The body as <typeparamref name="T"/>; null for an empty body; a body that is not such JSON is the caller's 400.</summary>
    private static async Task<T?> Read<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (request.ContentLength == 0)
        {
            return null;
        }

        if (!request.HasJsonContentType())
        {
            throw new ConsoleInputException("Send the body as application/json.");
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(ct);
        }
        catch (JsonException malformed)
        {
            throw new ConsoleInputException($"The body is not the JSON this call takes: {malformed.Message}");
        }
    }

    private static IResult UnknownRun(string id) =>
        Results.NotFound(new ConsoleError($"There is no console run '{id}' (the host may have restarted): reload the page to start one."));

    [LoggerMessage(EventId = 90, Level = LogLevel.Warning, Message = "The web console's page is not served: there is no {WebRoot} directory")]
    private static partial void PageMissing(ILogger logger, string webRoot);
}
