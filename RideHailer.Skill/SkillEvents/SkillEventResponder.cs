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
/// scopes now granted (<see cref="IUserScopes"/>): the account's, and the person's own when the event names a person. Both are
/// done when the 200 is sent: the endpoint answers only after this returns, and a failure answers 503 instead.
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
                var person = request.System?.Person?.PersonId is { Length: > 0 } personId ? AlexaUserKey.ForPerson(personId) : null;
                Log.PermissionsReported(
                    logger, skillEvent.Type, user, skillEvent.AccountScopes.Count, person is null ? null : skillEvent.PersonScopes?.Count ?? 0, skillEvent.RequestId);
                // The next session states these as granted and every other scope as not, so it asks only for what is missing:
                // a recognised person's name and number by their own record, everything else by the account's. A person-level
                // list without a person to hold it is not anyone's, so it is not recorded.
                if (user is not null && !await scopes.RecordGrantedScopesAsync(user, skillEvent.AccountScopes, person, skillEvent.PersonScopes, cancellationToken))
                {
                    Log.ForgottenUserEvent(logger, skillEvent.Type, user, skillEvent.RequestId);
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
            Message = "Skill event {SkillEvent} for user {UserHash}: {AccountScopes} account scopes and {PersonScopes} person scopes granted now (request {RequestId})")]
        public static partial void PermissionsReported(ILogger logger, string skillEvent, string? userHash, int accountScopes, int? personScopes, string? requestId);

        [LoggerMessage(EventId = 116, Level = LogLevel.Information,
            Message = "Skill event {SkillEvent} for user {UserHash}, who disabled the skill: nothing recorded (request {RequestId})")]
        public static partial void ForgottenUserEvent(ILogger logger, string skillEvent, string userHash, string? requestId);
    }
}
