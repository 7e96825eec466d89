using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RideHailer.DevHost.Simulator;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Tests.Simulator;

/// <summary>
/// The chat's host trusts only the simulator; the web console's host, which a real skill may reach through a tunnel,
/// trusts the simulator beside Amazon: other chain URLs go to the skill's own source, and the machine's roots stay trusted.
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

    [Fact]
    public async Task ConsoleTrust_ServesTheSimulatorsChainAndAsksTheSkillsSourceForAmazons()
    {
        using var signer = SigningChain.Create(DateTimeOffset.UtcNow);
        var amazon = new RecordingSource();
        var services = new ServiceCollection().AddSingleton<ICertificateChainSource>(amazon);
        using var provider = services.AddSimulatorTrustAlongsideAmazon(signer).BuildServiceProvider();

        var source = provider.GetRequiredService<ICertificateChainSource>();
        var simulators = await source.GetAsync(new Uri(SigningChain.ChainUrl), CancellationToken.None);
        await source.GetAsync(AmazonChainUrl, CancellationToken.None);

        Assert.NotEmpty(simulators);
        Assert.Equal([AmazonChainUrl], amazon.Asked);
    }

    [Fact]
    public void ConsoleTrust_KeepsTheMachinesRoots()
    {
        using var signer = SigningChain.Create(DateTimeOffset.UtcNow);
        using var machine = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
        machine.Open(OpenFlags.ReadOnly);
        var services = new ServiceCollection().AddSingleton<ICertificateChainSource>(new RecordingSource());
        using var provider = services.AddSimulatorTrustAlongsideAmazon(signer).BuildServiceProvider();

        var trusted = provider.GetRequiredService<IOptions<AlexaCertificateTrustOptions>>().Value.CustomRoots
            .Select(root => root.Thumbprint).ToHashSet();

        Assert.Contains(signer.Root.Thumbprint, trusted);
        Assert.All(machine.Certificates, root => Assert.Contains(root.Thumbprint, trusted));
    }

    [Fact]
    public void ConsoleTrust_NeedsTheSkillsSourceFirst()
    {
        using var signer = SigningChain.Create(DateTimeOffset.UtcNow);

        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSimulatorTrustAlongsideAmazon(signer));
    }

    private sealed class RecordingSource : ICertificateChainSource
    {
        public List<Uri> Asked { get; } = [];

        public Task<X509Certificate2Collection> GetAsync(Uri url, CancellationToken ct)
        {
            Asked.Add(url);
            return Task.FromResult(new X509Certificate2Collection());
        }
    }
}
