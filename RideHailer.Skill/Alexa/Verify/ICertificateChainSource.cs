using System.Security.Cryptography.X509Certificates;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>Supplies the certificate chain a <c>SignatureCertChainUrl</c> points to.</summary>
public interface ICertificateChainSource
{
    /// <summary>
    /// Gets every certificate of the PEM at <paramref name="url"/>, signing certificate first. The collection may be
    /// shared with other callers: do not dispose or change it.
    /// </summary>
    /// <exception cref="CertificateChainUnavailableException">The chain could not be fetched or read.</exception>
    Task<X509Certificate2Collection> GetAsync(Uri url, CancellationToken ct);
}
