using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RideHailer.Skill.Storage;

namespace RideHailer.Skill.SkillEvents;

/// <summary>
/// Forgets an Alexa user who disabled the skill, whatever <c>userInformationPersistenceStatus</c> says: its sessions'
/// durable state first (terminated if running, so none books again, then purged), then every booking and claim of
/// its riders and the links themselves. The links go last, so a run cut short is finished by Alexa's retry of the
/// event; a repeated event finds nothing and deletes nothing.
/// </summary>
public sealed partial class UserEraser(IUserLinks links, ILogger<UserEraser> logger)
{
    /// <summary>How long a terminated session may take to stop before it is purged anyway; the whole erasure stays inside Alexa's wait.</summary>
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(1);

    public async Task EraseAsync(string userKey, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(durable);
        var records = await links.FindLinksAsync(userKey, cancellationToken);
        var purged = 0;
        foreach (var instanceId in records.Sessions)
        {
            purged += await PurgeAsync(durable, instanceId, cancellationToken);
        }

        // Even with no rider or session linked: the user's partition may hold the scopes a permission event recorded.
        var bookings = await links.ForgetAsync(records, cancellationToken);
        if (records.IsEmpty)
        {
            Log.NothingKept(logger, userKey);
            return;
        }

        Log.Erased(logger, userKey, records.Riders.Count, bookings, purged);
    }

    /// <summary>Terminates the session if it still runs, then purges its history; one already gone counts 0.</summary>
    private async Task<int> PurgeAsync(DurableTaskClient durable, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await durable.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            return 0;
        }

        if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended)
        {
            await durable.TerminateInstanceAsync(instanceId, cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(StopWait);
            try
            {
                await durable.WaitForInstanceCompletionAsync(instanceId, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Log.SlowToStop(logger, instanceId);
            }
        }

        var result = await durable.PurgeInstanceAsync(instanceId, cancellationToken);
        return result.PurgedInstanceCount;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 112, Level = LogLevel.Information,
            Message = "Forgot user {UserKey}: {Riders} riders, {Bookings} bookings deleted, {Sessions} sessions purged")]
        public static partial void Erased(ILogger logger, string userKey, int riders, int bookings, int sessions);

        [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "User {UserKey} disabled the skill; nothing of theirs is kept")]
        public static partial void NothingKept(ILogger logger, string userKey);

        [LoggerMessage(EventId = 114, Level = LogLevel.Warning,
            Message = "Session {InstanceId} did not stop within a second of being terminated; purging it anyway")]
        public static partial void SlowToStop(ILogger logger, string instanceId);
    }
}
