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

    /// <summary>The page's file in <c>wwwroot</c>; its <see cref="SecretPlaceholder"/> is replaced as it is served.</summary>
    private const string PageFile = "index.html";

    private const string SecretPlaceholder = "{{console-secret}}";

    public static WebApplication MapWebConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<ConsoleRuns>() is null)
        {
            return app;
        }

        // Before anything else of the console: only a browser on this machine may load the page or call the API.
        app.Use((context, next) =>
        {
            if (IsConsolePath(context.Request.Path) && !LocalRequest.IsFromThisMachine(context.Request))
            {
                return Refuse(context, StatusCodes.Status403Forbidden,
                    "The web console answers only on this machine (localhost, 127.0.0.1 or [::1], not through a tunnel or proxy): open http://localhost:<port>/console/ on the machine that runs the DevHost.");
            }

            // "/console" without its slash is not a route: routing ignores a trailing slash.
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
            // The page itself is an endpoint, so it carries this start's secret; its scripts and styles are static files.
            app.MapGet(PagePath, (ConsoleSecret secret, HttpContext context) => PageAsync(root, secret, context));
            app.MapGet(PagePath + PageFile, (ConsoleSecret secret, HttpContext context) => PageAsync(root, secret, context));
            app.UseStaticFiles(new StaticFileOptions { RequestPath = PagePath.TrimEnd('/'), FileProvider = new PhysicalFileProvider(root) });
        }
        else
        {
            PageMissing(app.Logger, root);
        }
        app.MapGet("/", () => Results.Redirect(PagePath));

        var api = app.MapGroup(ApiPath).AddEndpointFilter(RequireThePage);
        api.MapPost("/runs", StartAsync);
        api.MapPost("/runs/{id}/say", (string id, HttpRequest request, ConsoleRuns runs) =>
            TurnAsync(id, request, runs, async (run, body, ct) => await run.SayAsync((await Read<SayRequest>(body, ct))?.Text, ct)));
        api.MapPost("/runs/{id}/answer", (string id, HttpRequest request, ConsoleRuns runs) =>
            TurnAsync(id, request, runs, async (run, body, ct) => await run.AnswerAsync((await Read<AnswerRequest>(body, ct))?.Outcome, ct)));
        api.MapGet("/runs/{id}/state", async (string id, ConsoleRuns runs, ConsoleStateReader reader, CancellationToken ct) =>
            runs.Find(id) is { } run ? Results.Ok(await reader.ReadAsync(run, ct)) : UnknownRun(id));
        api.MapAlexaApp();
        api.MapRideTimeline();
        return app;
    }

    private static async Task<IResult> StartAsync(
        HttpRequest request, ConsoleRuns runs, IOptions<AlexaOptions> alexa, IOptions<BookingOptions> booking, CancellationToken ct)
    {
        ConsoleRun run;
        try
        {
            run = runs.Start(await Read<RiderFlags>(request, ct) ?? new RiderFlags());
        }
        catch (ConsoleInputException refused)
        {
            return Results.BadRequest(new ConsoleError(refused.Message));
        }

        return Results.Ok(new RunView(
            run.Id,
            run.Flags,
            RiderDescription.Of(run.Rider),
            booking.Value.PinPolicy.ToString(),
            alexa.Value.VerifySignatures,
            runs.SkillEndpoint.ToString(),
            runs.AlexaApiEndpoint.ToString(),
            QuickUtterances.For(null, run.Flags.Locale)));
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

    private static bool IsConsolePath(PathString path) => path == "/" || path.StartsWithSegments(PagePath.TrimEnd('/'));

    private static Task Refuse(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(reason + "\n");
    }

    private static async Task<IResult> PageAsync(string root, ConsoleSecret secret, HttpContext context)
    {
        var page = await File.ReadAllTextAsync(Path.Combine(root, PageFile), context.RequestAborted);
        // Never cached: the secret changes at each start. Never framed: another site cannot click through it.
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        return Results.Content(page.Replace(SecretPlaceholder, secret.Value, StringComparison.Ordinal), "text/html; charset=utf-8");
    }

    /// <summary>
    /// Every API call must carry this start's secret (only the page has it), and a POST a JSON body: a form or a
    /// text/plain POST is what another site can send without a preflight.
    /// </summary>
    private static ValueTask<object?> RequireThePage(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var request = invocation.HttpContext.Request;
        var secret = invocation.HttpContext.RequestServices.GetRequiredService<ConsoleSecret>();
        if (!secret.IsCarriedBy(request))
        {
            return ValueTask.FromResult<object?>(Results.Json(
                new ConsoleError($"This call lacks the console's {ConsoleSecret.HeaderName} header: reload the console's page on this machine."),
                statusCode: StatusCodes.Status403Forbidden));
        }

        if (HttpMethods.IsPost(request.Method) && !request.HasJsonContentType())
        {
            return ValueTask.FromResult<object?>(Results.Json(
                new ConsoleError("Send the body as application/json."), statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        return next(invocation);
    }

    private static IResult UnknownRun(string id) =>
        Results.NotFound(new ConsoleError($"There is no console run '{id}' (the host may have restarted): reload the page to start one."));

    [LoggerMessage(EventId = 90, Level = LogLevel.Warning, Message = "The web console's page is not served: there is no {WebRoot} directory")]
    private static partial void PageMissing(ILogger logger, string webRoot);
}
