using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>
/// Whether a body and its headers are a valid Alexa request for this skill, in the order certification asks:
/// shape (size, content type), signature, envelope, skill id, timestamp. Nothing past a failed check runs.
/// </summary>
public sealed class AlexaRequestVerifier(AlexaSignatureVerifier signatures, IOptions<AlexaOptions> options, TimeProvider timeProvider)
{
    /// <summary>Alexa's requests are a few KiB; anything this large is not from Alexa. The HTTP adapter stops reading here.</summary>
    public const int MaxBodyBytes = 128 * 1024;

    private readonly AlexaOptions _options = options.Value;

    /// <param name="body">The raw body; a host may cut a longer one a byte past <see cref="MaxBodyBytes"/>.</param>
    public async Task<AlexaVerification> VerifyAsync(ReadOnlyMemory<byte> body, AlexaRequestHeaders headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (CheckShape(body, headers) is { } shapeFailure)
        {
            return AlexaVerification.Rejected(RejectionCategory.Malformed, shapeFailure);
        }

        if (_options.VerifySignatures)
        {
            var signature = await signatures.VerifyAsync(body, headers.SignatureCertChainUrl, headers.Signature256, cancellationToken);
            if (!signature.IsValid)
            {
                return AlexaVerification.Rejected(RejectionCategory.Signature, signature.FailureReason ?? "signature check failed");
            }
        }

        if (!AlexaRequestParser.TryParse(body.Span, out var request, out var parseFailure))
        {
            return AlexaVerification.Rejected(RejectionCategory.Malformed, parseFailure);
        }

        if (RequestRules.CheckSkillId(request, _options.SkillId) is { } skillIdFailure)
        {
            return AlexaVerification.Rejected(RejectionCategory.SkillId, skillIdFailure, request);
        }

        return RequestRules.CheckTimestamp(request, timeProvider.GetUtcNow()) is { } timestampFailure
            ? AlexaVerification.Rejected(RejectionCategory.Timestamp, timestampFailure, request)
            : AlexaVerification.Verified(request);
    }

    private static string? CheckShape(ReadOnlyMemory<byte> body, AlexaRequestHeaders headers)
    {
        if (body.IsEmpty)
        {
            return "the body is empty";
        }

        if (body.Length > MaxBodyBytes)
        {
            return "the body is larger than 128 KiB";
        }

        // Alexa always sends one; a request without it is not Alexa's.
        if (string.IsNullOrWhiteSpace(headers.ContentType))
        {
            return "the Content-Type header is missing: send application/json";
        }

        // application/json, with parameters (charset) or without; a prefix match would let application/jsonp in.
        return MediaTypeHeaderValue.TryParse(headers.ContentType, out var mediaType) &&
               string.Equals(mediaType.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            ? null
            : "the content type is not application/json";
    }
}
