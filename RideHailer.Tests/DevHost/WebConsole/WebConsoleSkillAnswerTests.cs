using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Tests.Support.WebConsole;

namespace RideHailer.Tests.DevHost.WebConsole;

/// <summary>
/// What the host does with the console's requests: with <c>Alexa:VerifySignatures</c> on they pass the real verifier;
/// a rejection, or a skill that does not answer in time, is shown with its reason.
/// </summary>
public sealed class WebConsoleSkillAnswerTests
{
    private static readonly Dictionary<string, string?> Verified = new() { ["Alexa:VerifySignatures"] = "true" };

    [Fact]
    public async Task SignaturesVerified_TheConsolesRequestsPassTheVerifier()
    {
        await using var host = await ConsoleHost.StartAsync(Verified);
        var run = await host.StartRunAsync();

        var turn = await host.SayAsync(run, "open ride hailer");

        Assert.Null(turn["error"]);
        Assert.Equal(200, (int)turn["exchanges"]![0]!["status"]!);
    }

    [Fact]
    public async Task SkillAnswers400_TheTurnShowsTheReason()
    {
        // The endpoint refuses every request, as the verifier refuses a forged one.
        await using var host = await ConsoleHost.StartAsync(Verified, services => services.AddSingleton<IStartupFilter>(new RejectingAlexaEndpoint()));
        var run = await host.StartRunAsync();

        var turn = await host.SayAsync(run, "open ride hailer");

        var exchange = turn["exchanges"]![0]!;
        Assert.Equal(400, (int)exchange["status"]!);
        Assert.StartsWith("The skill answered HTTP 400: ", (string?)turn["error"], StringComparison.Ordinal);
        Assert.Contains(turn["transcript"]!.AsArray(), entry => (string?)entry!["kind"] == "error");
        Assert.False((bool)turn["sessionOpen"]!);
    }

    [Fact]
    public async Task SkillDoesNotAnswerInTime_TheTurnShowsTheTimeout()
    {
        await using var host = await ConsoleHost.StartAsync(
            new Dictionary<string, string?> { ["WebConsole:SkillTimeout"] = "00:00:01" },
            services => services.AddSingleton<IStartupFilter>(new StuckAlexaEndpoint()));
        var run = await host.StartRunAsync();

        var turn = await host.SayAsync(run, "open ride hailer");

        Assert.Equal("The skill did not answer within 1 seconds (WebConsole:SkillTimeout).", (string?)turn["error"]);
        Assert.Equal(0, (int)turn["exchanges"]![0]!["status"]!);
        Assert.Contains(turn["transcript"]!.AsArray(), entry => (string?)entry!["kind"] == "error");
    }

    /// <summary>Holds every request to the Alexa endpoint until the client gives up, as a stuck host would.</summary>
    private sealed class StuckAlexaEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, proceed) =>
            {
                if (context.Request.Path.StartsWithSegments("/api/alexa"))
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
                }

                await proceed(context);
            });
            next(app);
        };
    }

    /// <summary>Answers every request to the Alexa endpoint 400 with a reason, as the verifier answers a rejected one.</summary>
    private sealed class RejectingAlexaEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, proceed) =>
            {
                if (context.Request.Path.StartsWithSegments("/api/alexa"))
                {
                    context.Response.StatusCode = 400;
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("""{"error":"signature does not match the body"}""");
                    return;
                }

                await proceed(context);
            });
            next(app);
        };
    }
}
