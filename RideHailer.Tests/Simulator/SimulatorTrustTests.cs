using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RideHailer.DevHost.Simulator;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Tests.Simulator;

/// <summary>
/// The chat's host trusts only the simulator. (The web console's host trusts the kit only for the console's own
/// requests: <c>DevHost/WebConsole/WebConsoleAccessTests</c>.)
/// </summary>
public sealed class SimulatorTrustTests
{
    private static readonly Uri AmazonChainUrl = new("https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem");

    [Fact]
    public async Task ChatTrust_RefusesEveryOtherChainUrl()
    {
        using var signer = SigningChain.Create(DateTimeOffset.UtcNow);
        using var provider = new ServiceCollection().AddSimulatorTrust(signer).BuildServiceProvider();

        var source = provider.GetRequiredService<ICertificateChainSource>();

        await Assert.ThrowsAsync<CertificateChainUnavailableException>(() => source.GetAsync(AmazonChainUrl, CancellationToken.None));
        Assert.Equal(signer.Root.Thumbprint, Assert.Single(provider.GetRequiredService<IOptions<AlexaCertificateTrustOptions>>().Value.CustomRoots).Thumbprint);
    }
}
