using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RideHailer.Simulation;

/// <summary>
/// Signs requests the way Alexa does, with a certificate chain made for this run: a root CA, an intermediate and a
/// signing certificate whose SAN is echo-api.amazon.com. A host that trusts only <see cref="Root"/> and is served
/// <see cref="ChainPem"/> for <see cref="ChainUrl"/> checks every simulated request with its real verifier.
/// </summary>
public sealed class SigningChain : IDisposable
{
    /// <summary>Passes the verifier's URL rules (https, s3.amazonaws.com, under /echo.api/); never fetched.</summary>
    public const string ChainUrl = "https://s3.amazonaws.com/echo.api/ride-hailer-simulator.pem";

    private readonly RSA _signingKey;

    private SigningChain(X509Certificate2 root, X509Certificate2 intermediate, X509Certificate2 signing, RSA signingKey)
    {
        Root = root;
        Intermediate = intermediate;
        Signing = signing;
        _signingKey = signingKey;
        ChainPem = AlexaCertificates.Pem(signing, intermediate);
    }

    /// <summary>The root a host trusts instead of the system store (public part only).</summary>
    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Signing { get; }

    /// <summary>The signing certificate then the intermediate, as Amazon publishes its chain.</summary>
    public string ChainPem { get; }

    /// <summary>Makes a fresh chain valid from an hour before <paramref name="now"/> for a day.</summary>
    public static SigningChain Create(DateTimeOffset now)
    {
        var signingKey = RSA.Create(2048);
        var notBefore = now.AddHours(-1);
        var notAfter = now.AddDays(1);
        using var root = AlexaCertificates.Authority("CN=Ride Hailer Simulator Root", issuer: null, notBefore, notAfter.AddDays(1));
        using var intermediate = AlexaCertificates.Authority("CN=Ride Hailer Simulator Intermediate", root, notBefore, notAfter.AddHours(12));
        var signing = AlexaCertificates.Signing(intermediate, signingKey, notBefore, notAfter);
        return new SigningChain(PublicPart(root), PublicPart(intermediate), signing, signingKey);
    }

    /// <summary>The <c>Signature-256</c> header for <paramref name="body"/>.</summary>
    public string Sign(ReadOnlySpan<byte> body) => AlexaCertificates.Sign(body, _signingKey);

    public void Dispose()
    {
        _signingKey.Dispose();
        Root.Dispose();
        Intermediate.Dispose();
        Signing.Dispose();
    }

    private static X509Certificate2 PublicPart(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);
}
