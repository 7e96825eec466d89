using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RideHailer.Simulation;

namespace RideHailer.Tests.Support.Verification;

/// <summary>
/// The verification tests' certificates, made by the kit's <see cref="AlexaCertificates"/> at a fixed instant: a trusted
/// root and intermediate, an untrusted pair, one signing key for every leaf (one key keeps the tests fast), and the good leaf.
/// </summary>
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
        DateTimeOffset? notAfter = null) =>
        AlexaCertificates.Signing(issuer ?? Intermediate, SigningKey, notBefore ?? Now.AddDays(-10), notAfter ?? Now.AddDays(30), subject, dnsNames);

    public static X509Certificate2Collection Chain(params X509Certificate2[] certificates) => [.. certificates];

    public static X509Certificate2Collection GoodChain() => Chain(Leaf, Intermediate);

    public static string Pem(params X509Certificate2[] certificates) => AlexaCertificates.Pem(certificates);

    public static string Sign(byte[] body, RSA? key = null) => AlexaCertificates.Sign(body, key ?? SigningKey);

    public static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);

    private static X509Certificate2 CreateCertificateAuthority(string name, X509Certificate2? issuer) => issuer is null
        ? AlexaCertificates.Authority($"CN={name}", issuer: null, Now.AddYears(-2), Now.AddYears(10))
        : AlexaCertificates.Authority($"CN={name}", issuer, Now.AddYears(-1), Now.AddYears(5));
}
