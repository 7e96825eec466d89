using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Read.Requests;
using RideHailer.Skill.Storage;

namespace RideHailer.Skill.SkillEvents;

/// <summary>
/// Answers the <c>AlexaSkillEvent.*</c> requests, which come outside any session after the request was verified like
/// any other; the endpoint answers a 200 with no speech, whatever the event. Each is logged with an opaque hash of the Alexa user id, never
/// the id, a token or a scope's holder. SkillDisabled forgets the user (<see cref="UserEraser"/>) and a permission event records the
/// scopes now granted (<see cref="IUserScopes"/>), both before the 200 is sent.
/// </summary>
public sealed partial class SkillEventResponder(UserEraser eraser, IUserScopes scopes, ILogger<SkillEventResponder> logger)
{
    public async Task HandleAsync(AlexaRequest request, SkillEventRequest skillEvent, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(skillEvent);
        ArgumentNullException.ThrowIfNull(durable);
        cancellationToken.ThrowIfCancellationRequested();
        var user = request.UserId is { Length: > 0 } userId ? AlexaUserKey.For(userId) : null;
        switch (skillEvent.Type)
        {
            case SkillEventRequest.SkillDisabled:
                Log.EventReceived(logger, skillEvent.Type, user, skillEvent.RequestId);
                if (user is not null)
                {
                    await eraser.EraseAsync(user, durable, cancellationToken);
                }

                break;
            case SkillEventRequest.SkillPermissionAccepted or SkillEventRequest.SkillPermissionChanged:
                Log.PermissionsReported(logger, skillEvent.Type, user, skillEvent.GrantedScopes.Count, skillEvent.RequestId);
                if (user is not null)
                {
                    // The next session states these as granted and every other scope as not, so it asks only for what is missing.
                    await scopes.RecordGrantedScopesAsync(user, skillEvent.GrantedScopes, cancellationToken);
                }

                break;
            default:
                // SkillAccountLinked carries the new access token in its body; it is never read, so never logged.
                Log.EventReceived(logger, skillEvent.Type, user, skillEvent.RequestId);
                break;
        }
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
