using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace RideHailer.Tests.Support;

/// <summary>The DevHost with the in-memory durable backend, driven over HTTP as Alexa would.</summary>
internal sealed class RideHailerApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configure;

    public RideHailerApp(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        _settings = settings ?? [];
        _configure = configure;
    }

    public DurableTaskClient Durable => Services.GetRequiredService<DurableTaskClient>();

    public async Task<JsonNode> PostAsync(JsonNode envelope)
    {
        using var client = CreateClient();
        using var content = new StringContent(envelope.ToJsonString(), new MediaTypeHeaderValue("application/json"));
        using var response = await client.PostAsync("/api/alexa", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Posts a body as is, for shapes a JsonNode cannot hold; the status and body, whatever they are.</summary>
    public async Task<(int Status, string Body)> PostRawAsync(byte[] body)
    {
        using var client = CreateClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/api/alexa", content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The web console (on in Development) is for its own tests to turn on: everywhere else the host stays as it was.
        builder.UseSetting("WebConsole:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => _configure?.Invoke(services));
    }
}
