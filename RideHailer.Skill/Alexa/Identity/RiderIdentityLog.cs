using Microsoft.Extensions.Logging;

namespace RideHailer.Skill.Alexa.Identity;

internal static partial class RiderIdentityLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information,
        Message = "Rider identity: JWTs from issuer {Authority}, audience {Audience}")]
    public static partial void FromIssuer(ILogger logger, string? authority, string? audience);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information,
        Message = "Rider identity: a hash of the Alexa person or user id (RiderIdentity:Authority is not set)")]
    public static partial void FromAlexaIds(ILogger logger);

    // The failure kind is an exception type name or a fixed word; the token, its claims and the library's
    // messages (which can quote the token) are never logged.
    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning,
        Message = "Linked-account token rejected ({FailureKind}, person link: {IsPersonLink}); the rider is treated as not linked")]
    public static partial void TokenRejected(ILogger logger, string failureKind, bool isPersonLink);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning,
        Message = "Rider identity issuer {MetadataAddress} is unreachable ({FailureKind}); the rider is treated as not linked")]
    public static partial void IssuerUnreachable(ILogger logger, string metadataAddress, string failureKind);
}
