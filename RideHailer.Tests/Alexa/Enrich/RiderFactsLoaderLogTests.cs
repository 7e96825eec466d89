using System.Text;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;
using RideHailer.Domain;
using RideHailer.Skill.Alexa.Enrich;
using RideHailer.Skill.Alexa.Enrich.Profile;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Tests.Alexa.Enrich;

/// <summary>A request naming an Alexa API the skill may not call is logged by scheme, host and port only (issue #32, Info).</summary>
public sealed class RiderFactsLoaderLogTests
{
    [Fact]
    public async Task ApiEndpointNotAllowed_LogsSchemeHostAndPortWithoutUserInfo()
    {
        var identity = new Mock<IRiderIdentity>();
        identity.Setup(i => i.ResolveRiderIdAsync(It.IsAny<LinkedAccount>(), It.IsAny<CancellationToken>())).ReturnsAsync("rider-1");
        var logger = new FakeLogger<RiderFactsLoader>();
        using var http = new HttpClient();
        var loader = new RiderFactsLoader(
            new CustomerProfileClient(http, new FakeLogger<CustomerProfileClient>()),
            identity.Object,
            Options.Create(new AlexaOptions { SkillId = "amzn1.ask.skill.1" }),
            ConversationSettings.Default,
            logger);
        Assert.True(AlexaRequestParser.TryParse(Encoding.UTF8.GetBytes("""
            {"version":"1.0",
             "session":{"new":true,"sessionId":"s","application":{"applicationId":"amzn1.ask.skill.1"},"user":{"userId":"u","accessToken":"linked"}},
             "context":{"System":{"application":{"applicationId":"amzn1.ask.skill.1"},"user":{"userId":"u","accessToken":"linked"},
                                  "apiEndpoint":"https://alexa:hunter2@api.evil.example:8443","apiAccessToken":"api-token"}},
             "request":{"type":"IntentRequest","requestId":"r1","timestamp":"2026-01-01T00:00:00Z","intent":{"name":"OrderRide"}}}
            """), out var request, out var failure), failure);

        await loader.LoadAsync(new ReadRequest(request, new RideRequested("the space needle", null), null, "en-US"), default);

        var warning = Assert.Single(logger.Collector.GetSnapshot(), log => log.Id.Id == 86);
        Assert.Contains("https://api.evil.example:8443", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alexa:", warning.Message, StringComparison.Ordinal);
    }
}
