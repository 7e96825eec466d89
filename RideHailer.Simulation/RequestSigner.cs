using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RideHailer.Simulation;

/// <summary>
/// Signs requests the way Alexa does, with a certificate chain made for this run: a root CA, an intermediate and a
/// signing certificate whose SAN is echo-api.amazon.com. The skill host trusts only <see cref="Root"/> and is served
/// <see cref="ChainPem"/> for <see cref="ChainUrl"/>, so its real verifier checks every simulated request.
/// </summary>
public sealed class RequestSigner : IDisposable
{
    /// <summary>Passes the verifier's URL rules (https, s3.amazonaws.com, under /echo.api/); never fetched.</summary>
    public const string ChainUrl = "https://s3.amazonaws.com/echo.api/ride-hailer-simulator.pem";

    private const string AlexaSigningName = "echo-api.amazon.com";

    private readonly RSA _signingKey;

    private RequestSigner(X509Certificate2 root, X509Certificate2 intermediate, X509Certificate2 signing, RSA signingKey)
    {
        Root = root;
        Intermediate = intermediate;
        Signing = signing;
        _signingKey = signingKey;
        ChainPem = new StringBuilder()
            .AppendLine(signing.ExportCertificatePem())
            .AppendLine(intermediate.ExportCertificatePem())
            .ToString();
    }

    /// <summary>The root the skill host trusts instead of the system store (public part only).</summary>
    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Signing { get; }

    /// <summary>The signing certificate then the intermediate, as Amazon publishes its chain.</summary>
    public string ChainPem { get; }

    /// <summary>Makes a fresh chain valid from an hour before <paramref name="now"/> for a day.</summary>
    public static RequestSigner Create(DateTimeOffset now)
    {
        using var rootKey = RSA.Create(2048);
        using var intermediateKey = RSA.Create(2048);
        var signingKey = RSA.Create(2048);
        var notBefore = now.AddHours(-1);
        var notAfter = now.AddDays(1);

        using var root = Authority("CN=Ride Hailer Simulator Root", rootKey, issuer: null, notBefore, notAfter.AddDays(1));
        using var intermediate = Authority("CN=Ride Hailer Simulator Intermediate", intermediateKey, root, notBefore, notAfter.AddHours(12));

        var request = new CertificateRequest($"CN={AlexaSigningName}", signingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(intermediate, true, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(AlexaSigningName);
        request.CertificateExtensions.Add(names.Build());
        var signing = request.Create(intermediate, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));

        return new RequestSigner(PublicPart(root), PublicPart(intermediate), signing, signingKey);
    }

    /// <summary>The <c>Signature-256</c> header: base64 RSA SHA-256 (PKCS#1 v1.5) over the exact body bytes.</summary>
    public string Sign(ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(_signingKey.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose()
    {
        _signingKey.Dispose();
        Root.Dispose();
        Intermediate.Dispose();
        Signing.Dispose();
    }

    private static X509Certificate2 Authority(string subject, RSA key, X509Certificate2? issuer, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
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

    private static X509Certificate2 PublicPart(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);
}
