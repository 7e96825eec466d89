using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support.Verification;

namespace RideHailer.Tests.Alexa.Verification;

/// <summary>
/// The certificate download as registered (AddAlexaSignatureVerification), its network replaced by a stub: a failed
/// download is retried once, a silent host is given up on, and a broken host opens the breaker.
/// </summary>
public sealed class CertificateChainResilienceTests
{
    private static readonly Uri ChainUrl = new(TestPki.ChainUrl);

    [Fact]
    public async Task ServiceUnavailableThenOk_IsRetriedOnceAndRead()
    {
        var answers = 0;
        var network = new StubHttpMessageHandler((_, _) => Task.FromResult(Interlocked.Increment(ref answers) == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(TestPki.Pem(TestPki.Leaf, TestPki.Intermediate)) }));
        using var services = Registered(network);

        var chain = await services.GetRequiredService<HttpCertificateChainSource>().GetAsync(ChainUrl, default);

        Assert.Equal([TestPki.Leaf.Thumbprint, TestPki.Intermediate.Thumbprint], chain.Select(c => c.Thumbprint));
        Assert.Equal(2, network.Requests);
    }

    [Fact]
    public async Task HostThatNeverAnswers_IsGivenUpOnWithoutTheCallerCancelling()
    {
        var network = new StubHttpMessageHandler(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        using var services = Registered(network);

        await Assert.ThrowsAsync<CertificateChainUnavailableException>(
            () => services.GetRequiredService<HttpCertificateChainSource>().GetAsync(ChainUrl, CancellationToken.None));
        Assert.InRange(network.Requests, 1, 2);
    }

    [Fact]
    public async Task BrokenHost_OpensTheBreakerAndIsNoLongerCalled()
    {
        var network = new StubHttpMessageHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError)));
        using var services = Registered(network);
        var source = services.GetRequiredService<HttpCertificateChainSource>();
        for (var download = 0; download < TurnResilience.BreakerMinimumThroughput; download++)
        {
            await Assert.ThrowsAsync<CertificateChainUnavailableException>(() => source.GetAsync(ChainUrl, default));
        }

        var calls = network.Requests;
        await Assert.ThrowsAsync<CertificateChainUnavailableException>(() => source.GetAsync(ChainUrl, default));

        Assert.Equal(calls, network.Requests);
        Assert.True(calls < 2 * TurnResilience.BreakerMinimumThroughput, $"{calls} calls reached the host");
    }

    private static ServiceProvider Registered(StubHttpMessageHandler network)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAlexaSignatureVerification();
        // The registration's pipeline stays; only what is under it, the network, is replaced.
        services.AddHttpClient<HttpCertificateChainSource>().ConfigurePrimaryHttpMessageHandler(() => network);
        return services.BuildServiceProvider();
    }
}
