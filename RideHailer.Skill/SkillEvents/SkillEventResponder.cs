using Microsoft.Extensions.Logging;
using RideHailer.Domain;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Skill.SkillEvents;

/// <summary>
/// Answers the <c>AlexaSkillEvent.*</c> requests, which come outside any session after the request was verified like
/// any other; the endpoint answers a 200 with no speech, whatever the event. Each is logged with an opaque hash of the Alexa user id, never
/// the id, a token or a scope's holder.
/// </summary>
public sealed partial class SkillEventResponder(ILogger<SkillEventResponder> logger)
{
    public Task HandleAsync(AlexaRequest request, SkillEventRequest skillEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(skillEvent);
        cancellationToken.ThrowIfCancellationRequested();
        var user = request.UserId is { Length: > 0 } userId ? StableHash.Hex("user-", userId, 24) : null;
        switch (skillEvent.Type)
        {
            case SkillEventRequest.SkillPermissionAccepted or SkillEventRequest.SkillPermissionChanged:
                Log.PermissionsReported(logger, skillEvent.Type, user, skillEvent.GrantedScopes.Count, skillEvent.RequestId);
                break;
            default:
                // SkillAccountLinked carries the new access token in its body; it is never read, so never logged.
                Log.EventReceived(logger, skillEvent.Type, user, skillEvent.RequestId);
                break;
        }

        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Skill event {SkillEvent} for user {UserHash} (request {RequestId})")]
        public static partial void EventReceived(ILogger logger, string skillEvent, string? userHash, string? requestId);

        [LoggerMessage(EventId = 111, Level = LogLevel.Information,
            Message = "Skill event {SkillEvent} for user {UserHash}: {GrantedScopes} scopes granted now (request {RequestId})")]
        public static partial void PermissionsReported(ILogger logger, string skillEvent, string? userHash, int grantedScopes, string? requestId);
    }
}
