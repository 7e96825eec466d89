using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>Downloads a PEM certificate chain; used as a typed <see cref="HttpClient"/>.</summary>
internal sealed class HttpCertificateChainSource(HttpClient client) : ICertificateChainSource
{
    /// <summary>Alexa's whole request budget is 8 s; a slow certificate host must not use it all (both attempts together).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1.5);

    /// <summary>One attempt's limit; a fast failure leaves room for the one retry.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Alexa's chain is about 7 KB; anything far larger is not a certificate chain.</summary>
    public const int MaxResponseBytes = 64 * 1024;

    public async Task<X509Certificate2Collection> GetAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            var pem = await DownloadAsync(url, ct);
            return ReadCertificates(pem);
        }
        catch (HttpRequestException ex)
        {
            throw new CertificateChainUnavailableException("certificate download failed", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new CertificateChainUnavailableException("certificate host is failing; not called for now", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new CertificateChainUnavailableException("certificate download timed out", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new CertificateChainUnavailableException("certificate download timed out", ex);
        }
    }

    private async Task<string> DownloadAsync(Uri url, CancellationToken ct)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        // Redirects are not followed (the handler is registered without them) and arrive here as failures:
        // following one would fetch the chain from a place the URL check never saw.
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new CertificateChainUnavailableException(
                $"certificate download returned HTTP {(int)response.StatusCode}");
        }

        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new CertificateChainUnavailableException("certificate download is too large");
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        // Content-Length may be absent or wrong, so the read itself stops one byte past the limit.
        var buffer = new byte[MaxResponseBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
        }

        if (length > MaxResponseBytes)
        {
            throw new CertificateChainUnavailableException("certificate download is too large");
        }

        return Encoding.ASCII.GetString(buffer, 0, length);
    }

    private static X509Certificate2Collection ReadCertificates(string pem)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            // Loads every CERTIFICATE block in order: the signing certificate, then its intermediates.
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw new CertificateChainUnavailableException("certificate chain is not valid PEM", ex);
        }

        return certificates.Count > 0
            ? certificates
            : throw new CertificateChainUnavailableException("certificate chain holds no certificate");
    }
}
