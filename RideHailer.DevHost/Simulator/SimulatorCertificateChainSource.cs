using System.Security.Cryptography.X509Certificates;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.DevHost.Simulator;

/// <summary>
/// Serves the simulator's generated chain for <see cref="SigningChain.ChainUrl"/>. Any other URL goes to
/// <paramref name="amazon"/> when there is one (the web console's host, which a real skill may reach through a
/// tunnel); without it the host downloads nothing and trusts no other signer (the chat's host).
/// </summary>
internal sealed class SimulatorCertificateChainSource(SigningChain signer, ICertificateChainSource? amazon = null) : ICertificateChainSource
{
    private static readonly Uri Url = new(SigningChain.ChainUrl);

    public Task<X509Certificate2Collection> GetAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url != Url)
        {
            return amazon?.GetAsync(url, ct)
                ?? throw new CertificateChainUnavailableException("the simulator's host serves only the simulator's certificate chain");
        }

        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(signer.ChainPem);
        return Task.FromResult(chain);
    }
}
