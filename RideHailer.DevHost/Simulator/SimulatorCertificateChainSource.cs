using System.Security.Cryptography.X509Certificates;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.DevHost.Simulator;

/// <summary>
/// Serves the simulator's generated chain for <see cref="SigningChain.ChainUrl"/> and nothing else: a host (or an
/// endpoint) using it downloads nothing and trusts no other signer.
/// </summary>
internal sealed class SimulatorCertificateChainSource(SigningChain signer) : ICertificateChainSource
{
    private static readonly Uri Url = new(SigningChain.ChainUrl);

    public Task<X509Certificate2Collection> GetAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url != Url)
        {
            throw new CertificateChainUnavailableException("the simulator's host serves only the simulator's certificate chain");
        }

        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(signer.ChainPem);
        return Task.FromResult(chain);
    }
}
