using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support.Verification;

namespace RideHailer.Tests.Alexa.Verification;

/// <summary>Amazon's real echo-api.amazon.com chain (see TestData/README.md), checked offline at a fixed time.</summary>
public class AmazonCertificateChainTests
{
    private const string AmazonRootCa1 = "/etc/ssl/certs/Amazon_Root_CA_1.pem";

    private static readonly string PemPath = Path.Combine(AppContext.BaseDirectory, "Alexa", "Verification", "TestData", "echo-api-cert-12.pem");
    private static readonly DateTimeOffset InsideValidity = new(2023, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task HttpSource_AmazonPem_LoadsAllFourCertificates()
    {
        var handler = StubHttpMessageHandler.Serving(await File.ReadAllTextAsync(PemPath));
        var source = new HttpCertificateChainSource(new HttpClient(handler));

        var chain = await source.GetAsync(new Uri("https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem"), default);

        Assert.Equal(4, chain.Count);
        Assert.Equal("CN=echo-api.amazon.com", chain[0].Subject);
        Assert.Equal("CN=Amazon RSA 2048 M01, O=Amazon, C=US", chain[1].Subject);
    }

    [Fact]
    public void Validate_SystemTrustInsideValidity_IsValid()
    {
        var check = Validator(new AlexaCertificateTrustOptions(), InsideValidity).Validate(AmazonChain());

        Assert.True(check.IsValid, check.FailureReason);
    }

    [Fact]
    public void Validate_AmazonRootCa1AsOnlyCustomRoot_IsValid()
    {
        var trust = new AlexaCertificateTrustOptions();
        trust.CustomRoots.Add(X509CertificateLoader.LoadCertificateFromFile(AmazonRootCa1));

        var check = Validator(trust, InsideValidity).Validate(AmazonChain());

        Assert.True(check.IsValid, check.FailureReason);
    }

    [Fact]
    public void Validate_UnrelatedCustomRoot_IsRejected()
    {
        var trust = new AlexaCertificateTrustOptions();
        trust.CustomRoots.Add(TestPki.Root);

        var check = Validator(trust, InsideValidity).Validate(AmazonChain());

        Assert.False(check.IsValid);
        Assert.StartsWith("certificate chain rejected", check.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithoutIntermediates_IsRejected()
    {
        var signingOnly = new X509Certificate2Collection(AmazonChain()[0]);

        var check = Validator(new AlexaCertificateTrustOptions(), InsideValidity).Validate(signingOnly);

        Assert.False(check.IsValid);
        Assert.StartsWith("certificate chain rejected", check.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023-03-15T23:59:59Z", "signing certificate is not yet valid")]
    [InlineData("2023-12-24T00:00:00Z", "signing certificate has expired")]
    public void Validate_OutsideValidity_IsRejected(string now, string reason)
    {
        var check = Validator(new AlexaCertificateTrustOptions(), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture))
            .Validate(AmazonChain());

        Assert.Equal(SignatureCheck.Invalid(reason), check);
    }

    private static X509Certificate2Collection AmazonChain()
    {
        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(PemPath);
        return chain;
    }

    private static CertificateChainValidator Validator(AlexaCertificateTrustOptions trust, DateTimeOffset now) =>
        new(trust, new FakeTimeProvider(now));
}
