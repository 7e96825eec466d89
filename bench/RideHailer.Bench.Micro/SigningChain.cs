using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RideHailer.Bench.Micro;

/// <summary>
/// A generated root → intermediate → echo-api.amazon.com chain (RSA 2048, as RideHailer.Tests' TestPki makes),
/// dated around now, and a signer for request bodies.
/// </summary>
internal sealed class SigningChain : IDisposable
{
    public const string Url = "https://s3.amazonaws.com/echo.api/echo-api-cert-bench.pem";

    private readonly RSA _signingKey = RSA.Create(2048);

    public SigningChain()
    {
        var now = DateTimeOffset.UtcNow;
        Root = Authority("CN=Ride Hailer Bench Root", null, now);
        Intermediate = Authority("CN=Ride Hailer Bench Intermediate", Root, now);
        var request = new CertificateRequest("CN=echo-api.amazon.com", _signingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Intermediate, true, false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("echo-api.amazon.com");
        request.CertificateExtensions.Add(san.Build());
        Leaf = request.Create(Intermediate, now.AddDays(-10), now.AddDays(30), RandomNumberGenerator.GetBytes(16));
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Leaf { get; }

    /// <summary>The chain as Alexa serves it at the SignatureCertChainUrl: signing certificate first.</summary>
    public string Pem() => new StringBuilder()
        .AppendLine(Leaf.ExportCertificatePem())
        .AppendLine(Intermediate.ExportCertificatePem())
        .ToString();

    public string Sign(byte[] body) =>
        Convert.ToBase64String(_signingKey.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose()
    {
        _signingKey.Dispose();
        Leaf.Dispose();
        Intermediate.Dispose();
        Root.Dispose();
    }

    private static X509Certificate2 Authority(string name, X509Certificate2? issuer, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return request.CreateSelfSigned(now.AddYears(-2), now.AddYears(10));
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var certificate = request.Create(issuer, now.AddYears(-1), now.AddYears(5), RandomNumberGenerator.GetBytes(16));
        return certificate.CopyWithPrivateKey(key);
    }
}
