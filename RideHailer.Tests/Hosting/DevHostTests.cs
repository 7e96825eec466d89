using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Skill.Telemetry;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Telemetry;

namespace RideHailer.Tests.Hosting;

/// <summary>The DevHost as a developer runs it: its own appsettings, the real HTTP pipeline.</summary>
public sealed class DevHostTests
{
    [Fact]
    public async Task Development_AnswersALaunchRequest()
    {
        await using var factory = DevHost();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/alexa", Json(AlexaRequests.Envelope(AlexaRequests.Launch())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Welcome to Ride Hailer. Where would you like to go?", (string?)body["response"]!["outputSpeech"]!["text"]);
    }

    [Fact]
    public async Task VerificationOn_RejectsAnUnsignedRequest()
    {
        await using var factory = DevHost(("Alexa:VerifySignatures", "true"));
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/alexa", Json(AlexaRequests.Envelope(AlexaRequests.Launch())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBody_IsA400CountedAsMalformed()
    {
        await using var factory = DevHost();
        using var client = factory.CreateClient();
        using var instruments = new SkillInstruments(factory.Services);
        using var content = new ByteArrayContent(new byte[200 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/alexa", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("the body is larger than 128 KiB", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
        var rejection = Assert.Single(instruments.RejectedRequests.GetMeasurementSnapshot());
        Assert.Equal("malformed", rejection.Tags[MetricTags.Category]);
    }

    [Fact]
    public async Task OnlyPostIsRouted()
    {
        await using var factory = DevHost();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/alexa");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static WebApplicationFactory<Program> DevHost(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(AlexaRequests.Now)));
        });

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), new MediaTypeHeaderValue("application/json"));
}
