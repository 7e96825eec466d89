using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RideHailer.Skill.Alexa.Enrich.Identity;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support.Verification;

namespace RideHailer.Tests.Alexa.Identity;

/// <summary>
/// The client the rider identity fetches discovery and keys with, as registered (AddRiderIdentity), its network
/// replaced by a stub: a failed GET is retried once, a silent issuer is given up on, a broken one opens the breaker.
/// </summary>
public sealed class RiderIdentityResilienceTests
{
    private static readonly Uri Discovery = new("https://issuer.example/.well-known/openid-configuration");

    [Fact]
    public async Task ServiceUnavailableThenOk_IsRetriedOnceAndRead()
    {
        var answers = 0;
        var network = new StubHttpMessageHandler((_, _) => Task.FromResult(new HttpResponseMessage(
            Interlocked.Increment(ref answers) == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK)));
        using var services = Registered(network);

        using var response = await Client(services).GetAsync(Discovery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, network.Requests);
    }

    [Fact]
    public async Task IssuerThatNeverAnswers_IsGivenUpOnWithoutTheCallerCancelling()
    {
        var network = new StubHttpMessageHandler(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        using var services = Registered(network);

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => Client(services).GetAsync(Discovery, CancellationToken.None));
        Assert.InRange(network.Requests, 1, 2);
    }

    [Fact]
    public async Task BrokenIssuer_OpensTheBreakerAndIsNoLongerCalled()
    {
        var network = new StubHttpMessageHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway)));
        using var services = Registered(network);
        var client = Client(services);
        for (var fetch = 0; fetch < TurnResilience.BreakerMinimumThroughput; fetch++)
        {
            try
            {
                using var failed = await client.GetAsync(Discovery);
            }
            catch (BrokenCircuitException)
            {
                // Opened on the way: exactly what is being shown.
            }
        }

        var calls = network.Requests;
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync(Discovery));

        Assert.Equal(calls, network.Requests);
    }

    private static HttpClient Client(ServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(OpenIdConnectRiderIdentity.HttpClientName);

    private static ServiceProvider Registered(StubHttpMessageHandler network)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRiderIdentity();
        // The registration's pipeline stays; only what is under it, the network, is replaced.
        services.AddHttpClient(OpenIdConnectRiderIdentity.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => network);
        return services.BuildServiceProvider();
    }
}
