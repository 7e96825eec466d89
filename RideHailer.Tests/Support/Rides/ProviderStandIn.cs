using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RideHailer.DevHost.SampleProvider;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Rides.Http;

namespace RideHailer.Tests.Support.Rides;

/// <summary>One request a stand-in saw: method, path, query and the headers the contract speaks of.</summary>
internal sealed record SeenRequest(string Method, string Path, string Query, string? Authorization, string? IdempotencyKey, int Status);

/// <summary>
/// A ride provider on a free loopback port: the DevHost's sample provider (the built-in fleet over the contract), or
/// a stand-in that answers every call as it is told (500, 409, slowly). Either records each request it saw.
/// </summary>
internal sealed class ProviderStandIn : IAsyncDisposable
{
    public const string ApiKey = "test-provider-key";

    private readonly WebApplication _app;

    private ProviderStandIn(WebApplication app, ConcurrentQueue<SeenRequest> seen)
    {
        _app = app;
        Seen = seen;
    }

    public ConcurrentQueue<SeenRequest> Seen { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The provider's root, as <c>RideProvider:BaseUrl</c> names it (without /v1).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The sample provider the DevHost serves with <c>RideProvider:ServeSample=true</c>, on <paramref name="time"/>.</summary>
    public static Task<ProviderStandIn> SampleAsync(TimeProvider? time = null) => StartAsync(
        services =>
        {
            services.AddSingleton(time ?? TimeProvider.System);
            services.AddSingleton(FleetTariff.Standard);
            services.AddSingleton<LocalFleet>();
            services.AddSingleton<SampleRides>();
            services.Configure<RideProviderOptions>(options => options.ApiKey = ApiKey);
        },
        app => app.MapSampleProvider(),
        SampleProviderEndpoints.Prefix);

    /// <summary>A stand-in that answers every request with <paramref name="answer"/>.</summary>
    public static Task<ProviderStandIn> AnsweringAsync(RequestDelegate answer) =>
        StartAsync(_ => { }, app => app.Run(answer), "");

    private static async Task<ProviderStandIn> StartAsync(Action<IServiceCollection> services, Action<WebApplication> map, string prefix)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        services(builder.Services);
        var app = builder.Build();
        var seen = new ConcurrentQueue<SeenRequest>();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                var request = context.Request;
                seen.Enqueue(new SeenRequest(
                    request.Method,
                    request.Path.Value ?? "",
                    request.QueryString.Value ?? "",
                    request.Headers.Authorization.FirstOrDefault(),
                    request.Headers[RideProviderContract.IdempotencyKeyHeader].FirstOrDefault(),
                    context.Response.StatusCode));
            }
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProviderStandIn(app, seen) { BaseUrl = address.TrimEnd('/') + prefix };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
