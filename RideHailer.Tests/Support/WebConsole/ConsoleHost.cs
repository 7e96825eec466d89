using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.DevHost.WebConsole;

namespace RideHailer.Tests.Support.WebConsole;

/// <summary>
/// The DevHost with its web console on, listening on a free loopback port (the console's runs post to the host's
/// own address, as a browser's page reaches it), and a client for the console's JSON API.
/// </summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    private readonly RideHailerApp _app;

    private ConsoleHost(RideHailerApp app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        // What the console's page sends with every call.
        Http.DefaultRequestHeaders.Add(ConsoleSecret.HeaderName, app.Services.GetRequiredService<ConsoleSecret>().Value);
    }

    /// <summary>The host's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public Uri Page => new(Address, "console/");

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<ConsoleHost> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var all = new Dictionary<string, string?>(settings ?? []) { ["WebConsole:Enabled"] = "true" };
        var app = new RideHailerApp(all, configure);
        // Listen options rather than UseKestrel(port): with a port the factory rewrites the server's addresses as it
        // starts, which now and then threw "cannot be modified after the server has started" on a loaded machine.
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Task.FromResult(new ConsoleHost(app, new Uri(address.TrimEnd('/') + "/")));
    }

    /// <summary>Starts a run; its id.</summary>
    public async Task<string> StartRunAsync(object? rider = null)
    {
        var run = await PostAsync("console/api/runs", rider ?? new { });
        return (string)run["id"]!;
    }

    public Task<JsonNode> SayAsync(string run, string text) => PostAsync($"console/api/runs/{run}/say", new { text });

    public Task<JsonNode> AnswerAsync(string run, string outcome) => PostAsync($"console/api/runs/{run}/answer", new { outcome });

    public async Task<JsonNode> StateAsync(string run)
    {
        using var response = await Http.GetAsync(new Uri($"console/api/runs/{run}/state", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Posts and expects success; the answer's JSON.</summary>
    public async Task<JsonNode> PostAsync(string path, object body)
    {
        var (status, json) = await PostRawAsync(path, JsonSerializer.Serialize(body));
        Assert.True(status == 200, $"{status}: {json}");
        return JsonNode.Parse(json)!;
    }

    /// <summary>Posts <paramref name="body"/> as application/json, whatever it holds; the status and body.</summary>
    public async Task<(int Status, string Body)> PostRawAsync(string path, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
