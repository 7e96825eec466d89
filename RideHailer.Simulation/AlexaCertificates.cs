using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RideHailer.Simulation;

/// <summary>
/// Makes certificates shaped like Amazon's (RSA 2048, SHA-256): certificate authorities, and signing certificates
/// whose SAN is <see cref="SigningName"/>; signs request bodies as Alexa does. <see cref="SigningChain"/> composes
/// them into one chain; the verification tests also make the wrong ones (expired, other SAN, other root).
/// </summary>
public static class AlexaCertificates
{
    /// <summary>The name the skill's verifier requires in the signing certificate's SAN.</summary>
    public const string SigningName = "echo-api.amazon.com";

    /// <summary>A CA certificate with its private key: self-signed when <paramref name="issuer"/> is null.</summary>
    public static X509Certificate2 Authority(string subject, X509Certificate2? issuer, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return request.CreateSelfSigned(notBefore, notAfter);
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var certificate = request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>
    /// A signing certificate for <paramref name="key"/> issued by <paramref name="issuer"/>, with its private key;
    /// <paramref name="dnsNames"/> (default: <see cref="SigningName"/>) go in the SAN, none leaves the SAN out.
    /// </summary>
    public static X509Certificate2 Signing(
        X509Certificate2 issuer,
        RSA key,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        string subject = "CN=" + SigningName,
        IReadOnlyList<string>? dnsNames = null)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var names = dnsNames ?? [SigningName];
        if (names.Count > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var name in names)
            {
                san.AddDnsName(name);
            }

            request.CertificateExtensions.Add(san.Build());
        }

        using var certificate = request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>The certificates as one PEM text, in the order given (Amazon publishes the signing certificate first).</summary>
    public static string Pem(params X509Certificate2[] certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var pem = new StringBuilder();
        foreach (var certificate in certificates)
        {
            pem.AppendLine(certificate.ExportCertificatePem());
        }

        return pem.ToString();
    }

    /// <summary>The <c>Signature-256</c> header: base64 RSA SHA-256 (PKCS#1 v1.5) over the exact body bytes.</summary>
    public static string Sign(ReadOnlySpan<byte> body, RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToBase64String(key.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }
}
