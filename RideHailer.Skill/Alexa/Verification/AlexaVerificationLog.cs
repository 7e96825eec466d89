using Microsoft.Extensions.Logging;

namespace RideHailer.Skill.Alexa.Verification;

internal static partial class AlexaVerificationLog
{
    // Reasons are fixed short texts; the body and the signature are never logged.
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Alexa request rejected: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Alexa certificate chain from {CertificateUrl} is unavailable")]
    public static partial void CertificateChainUnavailable(ILogger logger, Uri certificateUrl, Exception exception);
}
