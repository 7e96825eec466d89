using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RideHailer.Tests.Alexa.Verification;

/// <summary>Generated root CA → intermediate → Alexa-like signing certificate chains (RSA 2048).</summary>
internal static class TestPki
{
    public const string ChainUrl = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem";

    /// <summary>The instant tests run at; every generated certificate is dated relative to it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly X509Certificate2 Root = CreateCertificateAuthority("Ride Hailer Test Root", issuer: null);
    public static readonly X509Certificate2 Intermediate = CreateCertificateAuthority("Ride Hailer Test Intermediate", Root);
    public static readonly X509Certificate2 OtherRoot = CreateCertificateAuthority("Untrusted Test Root", issuer: null);
    public static readonly X509Certificate2 OtherIntermediate = CreateCertificateAuthority("Untrusted Test Intermediate", OtherRoot);

    /// <summary>The signing key of every generated leaf (one key keeps the tests fast).</summary>
    public static readonly RSA SigningKey = RSA.Create(2048);

    /// <summary>A key that signs nothing any certificate vouches for.</summary>
    public static readonly RSA OtherKey = RSA.Create(2048);

    /// <summary>A good signing certificate: in date, SAN echo-api.amazon.com, issued by <see cref="Intermediate"/>.</summary>
    public static readonly X509Certificate2 Leaf = CreateLeaf();

    public static X509Certificate2 CreateLeaf(
        X509Certificate2? issuer = null,
        string subject = "CN=echo-api.amazon.com",
        string[]? dnsNames = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null)
    {
        issuer ??= Intermediate;
        var request = new CertificateRequest(subject, SigningKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var names = dnsNames ?? ["echo-api.amazon.com"];
        if (names.Length > 0)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var name in names)
            {
                san.AddDnsName(name);
            }

            request.CertificateExtensions.Add(san.Build());
        }

        var certificate = request.Create(
            issuer,
            notBefore ?? Now.AddDays(-10),
            notAfter ?? Now.AddDays(30),
            RandomNumberGenerator.GetBytes(16));
        return certificate.CopyWithPrivateKey(SigningKey);
    }

    public static X509Certificate2Collection Chain(params X509Certificate2[] certificates) => [.. certificates];

    public static X509Certificate2Collection GoodChain() => Chain(Leaf, Intermediate);

    public static string Pem(params X509Certificate2[] certificates)
    {
        var pem = new StringBuilder();
        foreach (var certificate in certificates)
        {
            pem.AppendLine(certificate.ExportCertificatePem());
        }

        return pem.ToString();
    }

    public static string Sign(byte[] body, RSA? key = null) =>
        Convert.ToBase64String((key ?? SigningKey).SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);

    private static X509Certificate2 CreateCertificateAuthority(string name, X509Certificate2? issuer)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return request.CreateSelfSigned(Now.AddYears(-2), Now.AddYears(10));
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var certificate = request.Create(issuer, Now.AddYears(-1), Now.AddYears(5), RandomNumberGenerator.GetBytes(16));
        return certificate.CopyWithPrivateKey(key);
    }
}
