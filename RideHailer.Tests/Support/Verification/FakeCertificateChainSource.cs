using System.Security.Cryptography.X509Certificates;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Tests.Support.Verification;

/// <summary>Serves chains from memory by URL and counts requests; unknown URLs are unavailable.</summary>
internal sealed class FakeCertificateChainSource : ICertificateChainSource
{
    private readonly Dictionary<string, X509Certificate2Collection> _chains = new(StringComparer.Ordinal);
    private int _requests;

    public int Requests => _requests;

    public FakeCertificateChainSource Serve(string url, X509Certificate2Collection chain)
    {
        _chains[new Uri(url).AbsoluteUri] = chain;
        return this;
    }

    public Task<X509Certificate2Collection> GetAsync(Uri url, CancellationToken ct)
    {
        Interlocked.Increment(ref _requests);
        return _chains.TryGetValue(url.AbsoluteUri, out var chain)
            ? Task.FromResult(chain)
            : Task.FromException<X509Certificate2Collection>(new CertificateChainUnavailableException("not served"));
    }
}
