using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support.Verification;

namespace RideHailer.Tests.Alexa.Verification;

public class AlexaSignatureVerifierTests
{
    private static readonly byte[] RequestBody = TestPki.Body(
        """{"version":"1.0","session":{"sessionId":"amzn1.echo-api.session.1"},"request":{"type":"LaunchRequest","requestId":"amzn1.echo-api.request.1","timestamp":"2026-03-01T12:00:00Z"}}""");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly FakeTimeProvider _time = new(TestPki.Now);
    private readonly FakeCertificateChainSource _source = new();

    [Fact]
    public async Task VerifyAsync_BodySignedByAlexaChain_IsValid()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.Equal(SignatureCheck.Valid, check);
    }

    [Fact]
    public async Task VerifyAsync_EquivalentChainUrl_IsValid()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());

        var check = await Verifier().VerifyAsync(
            RequestBody, "HTTPS://S3.amazonaws.com:443/echo.api/../echo.api/echo-api-cert-test.pem", TestPki.Sign(RequestBody), default);

        Assert.True(check.IsValid, check.FailureReason);
    }

    [Theory]
    [InlineData(null, "header missing")]
    [InlineData("", "header missing")]
    [InlineData("   ", "header missing")]
    [InlineData("http://s3.amazonaws.com/echo.api/echo-api-cert-test.pem", "scheme")]
    [InlineData("https://s3.amazonaws.com/invalid.path/echo-api-cert-test.pem", "path")]
    public async Task VerifyAsync_MissingOrForeignChainUrl_IsInvalidWithoutDownload(string? url, string reason)
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());

        var check = await Verifier().VerifyAsync(RequestBody, url, TestPki.Sign(RequestBody), default);

        Assert.False(check.IsValid);
        Assert.Contains(reason, check.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, _source.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("QUJD=")]
    public async Task VerifyAsync_MissingOrMalformedSignature_IsInvalidWithoutDownload(string? signature)
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, signature, default);

        Assert.False(check.IsValid);
        Assert.Contains("Signature-256", check.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, _source.Requests);
    }

    [Fact]
    public async Task VerifyAsync_SignatureLongerThanAnyRsaKey_IsInvalid()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, Convert.ToBase64String(new byte[513]), default);

        Assert.False(check.IsValid);
        Assert.Equal(0, _source.Requests);
    }

    [Theory]
    [InlineData(128)]
    [InlineData(255)]
    [InlineData(257)]
    [InlineData(500)]
    public async Task VerifyAsync_SignatureNotTheLengthOfAnRsa2048Or3072Or4096Key_IsInvalidWithoutDownload(int length)
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, Convert.ToBase64String(new byte[length]), default);

        Assert.Equal(SignatureCheck.Invalid("Signature-256 is not base64 of a plausible length"), check);
        Assert.Equal(0, _source.Requests);
    }

    [Fact]
    public async Task VerifyAsync_SignedWithAnotherKey_IsInvalid()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody, TestPki.OtherKey), default);

        Assert.Equal(SignatureCheck.Invalid("signature does not match the body"), check);
    }

    [Fact]
    public async Task VerifyAsync_TamperedBody_IsInvalid()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());
        var signature = TestPki.Sign(RequestBody);
        var tampered = (byte[])RequestBody.Clone();
        tampered[^3] ^= 0x01;

        var check = await Verifier().VerifyAsync(tampered, TestPki.ChainUrl, signature, default);

        Assert.Equal(SignatureCheck.Invalid("signature does not match the body"), check);
    }

    [Fact]
    public async Task VerifyAsync_ReserializedEquivalentJson_IsInvalid()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());
        var signature = TestPki.Sign(RequestBody);
        var reserialized = JsonSerializer.SerializeToUtf8Bytes(
            JsonDocument.Parse(RequestBody).RootElement, Indented);

        var check = await Verifier().VerifyAsync(reserialized, TestPki.ChainUrl, signature, default);

        Assert.NotEqual(RequestBody, reserialized);
        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task VerifyAsync_Sha1OrPssSignatureWithTheRightKey_IsInvalid()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());
        var verifier = Verifier();
        var sha1 = Convert.ToBase64String(TestPki.SigningKey.SignData(RequestBody, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
        var pss = Convert.ToBase64String(TestPki.SigningKey.SignData(RequestBody, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));

        Assert.False((await verifier.VerifyAsync(RequestBody, TestPki.ChainUrl, sha1, default)).IsValid);
        Assert.False((await verifier.VerifyAsync(RequestBody, TestPki.ChainUrl, pss, default)).IsValid);
    }

    [Fact]
    public async Task VerifyAsync_ExpiredSigningCertificate_IsInvalid()
    {
        var expired = TestPki.CreateLeaf(notBefore: TestPki.Now.AddDays(-60), notAfter: TestPki.Now.AddSeconds(-1));
        _source.Serve(TestPki.ChainUrl, TestPki.Chain(expired, TestPki.Intermediate));

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.Equal(SignatureCheck.Invalid("signing certificate has expired"), check);
    }

    [Fact]
    public async Task VerifyAsync_SigningCertificateNotYetValid_IsInvalid()
    {
        var early = TestPki.CreateLeaf(notBefore: TestPki.Now.AddSeconds(1), notAfter: TestPki.Now.AddDays(30));
        _source.Serve(TestPki.ChainUrl, TestPki.Chain(early, TestPki.Intermediate));

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.Equal(SignatureCheck.Invalid("signing certificate is not yet valid"), check);
    }

    [Fact]
    public async Task VerifyAsync_ClockMovesPastExpiry_BecomesInvalid()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());
        var verifier = Verifier();
        var signature = TestPki.Sign(RequestBody);

        var before = await verifier.VerifyAsync(RequestBody, TestPki.ChainUrl, signature, default);
        _time.SetUtcNow(TestPki.Leaf.NotAfter.ToUniversalTime().AddSeconds(1));
        var after = await verifier.VerifyAsync(RequestBody, TestPki.ChainUrl, signature, default);

        Assert.True(before.IsValid);
        Assert.False(after.IsValid);
    }

    [Fact]
    public async Task VerifyAsync_ChainFromUntrustedRoot_IsInvalid()
    {
        var leaf = TestPki.CreateLeaf(issuer: TestPki.OtherIntermediate);
        _source.Serve(TestPki.ChainUrl, TestPki.Chain(leaf, TestPki.OtherIntermediate, TestPki.OtherRoot));

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.False(check.IsValid);
        Assert.StartsWith("certificate chain rejected", check.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_MissingIntermediate_IsInvalid()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.Chain(TestPki.Leaf));

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.False(check.IsValid);
        Assert.StartsWith("certificate chain rejected", check.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_DefaultTrust_DoesNotTrustAGeneratedRootEvenWhenSent()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.Chain(TestPki.Leaf, TestPki.Intermediate, TestPki.Root));
        var verifier = new AlexaSignatureVerifier(
            _source, Options.Create(new AlexaCertificateTrustOptions()), _time, NullLogger<AlexaSignatureVerifier>.Instance);

        var check = await verifier.VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.False(check.IsValid);
        Assert.StartsWith("certificate chain rejected", check.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CN=echo-api.amazon.com")]
    [InlineData("CN=Alexa")]
    public async Task VerifyAsync_NoSubjectAlternativeName_IsInvalidWhateverTheCommonName(string subject)
    {
        var leaf = TestPki.CreateLeaf(subject: subject, dnsNames: []);
        _source.Serve(TestPki.ChainUrl, TestPki.Chain(leaf, TestPki.Intermediate));

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.Equal(SignatureCheck.Invalid("signing certificate SAN lacks echo-api.amazon.com"), check);
    }

    [Theory]
    [InlineData(new[] { "echo-api.amazon.com.evil.example" }, false)]
    [InlineData(new[] { "*.amazon.com" }, false)]
    [InlineData(new[] { "api.amazon.com" }, false)]
    [InlineData(new[] { "www.example.com", "echo-api.amazon.com" }, true)]
    [InlineData(new[] { "ECHO-API.amazon.com" }, true)]
    public async Task VerifyAsync_SubjectAlternativeName_MustNameEchoApi(string[] dnsNames, bool valid)
    {
        var leaf = TestPki.CreateLeaf(subject: "CN=echo-api.amazon.com", dnsNames: dnsNames);
        _source.Serve(TestPki.ChainUrl, TestPki.Chain(leaf, TestPki.Intermediate));

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.Equal(valid, check.IsValid);
    }

    [Fact]
    public async Task VerifyAsync_IntermediateFirstInPem_IsInvalid()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.Chain(TestPki.Intermediate, TestPki.Leaf));

        var check = await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task VerifyAsync_ChainUnavailable_IsInvalidAndLogged()
    {
        var logger = new RecordingLogger<AlexaSignatureVerifier>();

        var check = await Verifier(logger).VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.Equal(SignatureCheck.Invalid("certificate chain unavailable"), check);
        Assert.Contains(logger.Entries, e => e.EventId.Id == 11 && e.Message.Contains(TestPki.ChainUrl, StringComparison.Ordinal));
        // The reason and the type, never the exception with its stack trace.
        Assert.All(logger.Entries, e => Assert.Null(e.Exception));
        Assert.Contains(logger.Entries, e => e.EventId.Id == 11 && e.Message.EndsWith("(CertificateChainUnavailableException)", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.EventId.Id == 10 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task VerifyAsync_Rejection_LogsReasonButNeitherBodyNorSignature()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());
        var logger = new RecordingLogger<AlexaSignatureVerifier>();
        var signature = TestPki.Sign(RequestBody, TestPki.OtherKey);

        await Verifier(logger).VerifyAsync(RequestBody, TestPki.ChainUrl, signature, default);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(10, entry.EventId.Id);
        Assert.Contains("signature does not match the body", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(signature[..16], entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("amzn1", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ValidRequest_LogsNothing()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());
        var logger = new RecordingLogger<AlexaSignatureVerifier>();

        await Verifier(logger).VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task VerifyAsync_ChainAlreadyValidated_IsRejectedOnceItsLeafExpires()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());
        var verifier = Verifier();
        Assert.True((await verifier.VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default)).IsValid);

        _time.Advance(TimeSpan.FromDays(31));
        var check = await verifier.VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task VerifyAsync_ChainAlreadyValidated_StillNeedsTheBodysOwnSignature()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());
        var verifier = Verifier();
        Assert.True((await verifier.VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default)).IsValid);

        var check = await verifier.VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody, TestPki.OtherKey), default);

        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task VerifyAsync_ChainValidatedUnderOneTrust_IsNotTrustedUnderAnother()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());
        Assert.True((await Verifier().VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default)).IsValid);
        var otherTrust = new AlexaCertificateTrustOptions();
        otherTrust.CustomRoots.Add(TestPki.OtherRoot);
        var distrusting = new AlexaSignatureVerifier(_source, Options.Create(otherTrust), _time, NullLogger<AlexaSignatureVerifier>.Instance);

        var check = await distrusting.VerifyAsync(RequestBody, TestPki.ChainUrl, TestPki.Sign(RequestBody), default);

        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task VerifyAsync_ManyRequestsAtOnceOverOneCachedKey_EachGetsItsOwnAnswer()
    {
        _source.Serve(TestPki.ChainUrl, TestPki.GoodChain());
        var verifier = Verifier();
        var good = TestPki.Sign(RequestBody);
        var forged = TestPki.Sign(RequestBody, TestPki.OtherKey);

        var checks = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            (Forged: i % 2 == 1, (await verifier.VerifyAsync(RequestBody, TestPki.ChainUrl, i % 2 == 1 ? forged : good, default)).IsValid))));

        Assert.All(checks, check => Assert.Equal(!check.Forged, check.IsValid));
    }

    private AlexaSignatureVerifier Verifier(ILogger<AlexaSignatureVerifier>? logger = null)
    {
        var trust = new AlexaCertificateTrustOptions();
        trust.CustomRoots.Add(TestPki.Root);
        return new AlexaSignatureVerifier(_source, Options.Create(trust), _time, logger ?? NullLogger<AlexaSignatureVerifier>.Instance);
    }
}
