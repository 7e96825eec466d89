using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>
/// Checks that a request body was signed by Alexa: the certificate URL, the certificate chain and the
/// <c>Signature-256</c> signature over the raw body bytes.
/// </summary>
public sealed partial class AlexaSignatureVerifier
{
    public const string SignatureCertChainUrlHeader = "SignatureCertChainUrl";
    public const string Signature256Header = "Signature-256";

    // An RSA signature is exactly as long as the key's modulus: only RSA-2048, 3072 and 4096 are tried, so a forged
    // header of any other length costs neither a download nor a verification.
    private const int MaxSignatureBytes = 512;

    private static readonly int[] RsaSignatureBytes = [256, 384, 512];

    private readonly ICertificateChainSource _chains;
    private readonly CertificateChainValidator _validator;
    private readonly ILogger<AlexaSignatureVerifier> _logger;

    // Importing the public key costs about as much as using it; it is kept for as long as the signing
    // certificate is (the chain cache owns that). Verifying with one RSA instance from many threads is
    // safe: each verification makes its own OpenSSL context over the shared, read-only key.
    private readonly ConditionalWeakTable<X509Certificate2, RSA> _keys = [];

    public AlexaSignatureVerifier(
        ICertificateChainSource chains,
        IOptions<AlexaCertificateTrustOptions> trust,
        TimeProvider timeProvider,
        ILogger<AlexaSignatureVerifier> logger)
    {
        ArgumentNullException.ThrowIfNull(chains);
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _chains = chains;
        _validator = new CertificateChainValidator(trust.Value, timeProvider);
        _logger = logger;
    }

    public async ValueTask<SignatureCheck> VerifyAsync(
        ReadOnlyMemory<byte> body,
        string? signatureCertChainUrl,
        string? signature256,
        CancellationToken cancellationToken)
    {
        var check = await CheckAsync(body, signatureCertChainUrl, signature256, cancellationToken);
        if (!check.IsValid)
        {
            Log.RequestRejected(_logger, check.FailureReason!);
        }

        return check;
    }

    private async ValueTask<SignatureCheck> CheckAsync(
        ReadOnlyMemory<byte> body,
        string? signatureCertChainUrl,
        string? signature256,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(signatureCertChainUrl))
        {
            return SignatureCheck.Invalid($"{SignatureCertChainUrlHeader} header missing");
        }

        if (string.IsNullOrWhiteSpace(signature256))
        {
            return SignatureCheck.Invalid($"{Signature256Header} header missing");
        }

        if (!CertificateChainUrl.TryNormalise(signatureCertChainUrl, out var chainUrl, out var urlFailure))
        {
            return SignatureCheck.Invalid(urlFailure);
        }

        // Decoded before any download, so a malformed header costs nothing.
        var signature = new byte[MaxSignatureBytes];
        if (!Convert.TryFromBase64String(signature256, signature, out var signatureLength) || !RsaSignatureBytes.Contains(signatureLength))
        {
            return SignatureCheck.Invalid($"{Signature256Header} is not base64 of a plausible length");
        }

        X509Certificate2Collection chain;
        try
        {
            chain = await _chains.GetAsync(chainUrl, cancellationToken);
        }
        catch (CertificateChainUnavailableException ex)
        {
            // The reason and the failing type, not the stack: an unsigned request must not cost dozens of log lines.
            Log.CertificateChainUnavailable(_logger, chainUrl, ex.Message, (ex.InnerException ?? ex).GetType().Name);
            return SignatureCheck.Invalid("certificate chain unavailable");
        }

        var chainCheck = _validator.Validate(chain);
        if (!chainCheck.IsValid)
        {
            return chainCheck;
        }

        return SignedBy(PublicKeyOf(chain[0]), body.Span, signature.AsSpan(0, signatureLength))
            ? SignatureCheck.Valid
            : SignatureCheck.Invalid("signature does not match the body");
    }

    private RSA? PublicKeyOf(X509Certificate2 certificate) =>
        _keys.TryGetValue(certificate, out var key)
            ? key
            : certificate.GetRSAPublicKey() is { } imported ? _keys.GetValue(certificate, _ => imported) : null;

    private static bool SignedBy(RSA? key, ReadOnlySpan<byte> body, ReadOnlySpan<byte> signature)
    {
        if (key is null)
        {
            return false;
        }

        try
        {
            return key.VerifyData(body, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        // Reasons are fixed short texts; the body and the signature are never logged.
        [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Alexa request rejected: {Reason}")]
        public static partial void RequestRejected(ILogger logger, string reason);

        [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Alexa certificate chain from {CertificateUrl} is unavailable: {Reason} ({ErrorType})")]
        public static partial void CertificateChainUnavailable(ILogger logger, Uri certificateUrl, string reason, string errorType);
    }
}
