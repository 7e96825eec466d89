using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Storage;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Forgets finished sessions. A session's durable state (history, instance row, payloads) holds the rider's first
/// name, mobile number and pickup; the bookings table keeps what a booking needs, so the task hub must not keep a
/// copy. Run every <see cref="Interval"/>, it purges each session that finished at least
/// <see cref="SessionOptions.Retention"/> ago, so none is kept longer than that plus one interval. Both hosts run
/// this same purge: Functions from a timer trigger, the DevHost from a hosted service.
/// Rides (<see cref="RideOrchestration"/>) are purged by it too: a ride's orchestration waits out
/// <see cref="RideOptions.Retention"/> after the ride ended and only then finishes, so a finished ride is past its
/// retention and goes at the next run, however long ago it was created.
/// The tombstones of forgotten users (<see cref="IUserLinks.MarkForgottenAsync"/>) are swept by the same run once expired.
/// </summary>
public sealed partial class FinishedSessionPurge(
    IOptions<SessionOptions> options, TimeProvider timeProvider, ILogger<FinishedSessionPurge> logger, IUserLinks? users = null)
{
    /// <summary>How often the Functions timer fires: the retention is kept to within a minute.</summary>
    public const string Schedule = "0 * * * * *";

    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    private readonly TimeSpan _retention = options.Value.Retention;

    /// <summary>A minute, or the retention when that is shorter (a test, a strict deployment).</summary>
    public TimeSpan Interval => _retention < TimeSpan.FromMinutes(1) ? _retention : TimeSpan.FromMinutes(1);

    public async Task<int> PurgeAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        // A session finishes after it was created, so one created before the cut-off finished before it too; one
        // still running is left alone whatever its age. The lower bound is there because the Azure Storage
        // backend queries the creation time as a range.
        var filter = new PurgeInstancesFilter(DateTimeOffset.UnixEpoch, timeProvider.GetUtcNow() - _retention, Finished);
        var result = await client.PurgeAllInstancesAsync(filter, cancellationToken);
        if (result.PurgedInstanceCount > 0)
        {
            Log.Purged(logger, result.PurgedInstanceCount, _retention);
        }

        var purged = result.PurgedInstanceCount + await PurgeFinishedRidesAsync(client, cancellationToken);
        if (users is not null && await users.SweepForgottenAsync(timeProvider.GetUtcNow(), cancellationToken) is > 0 and var swept)
        {
            Log.TombstonesSwept(logger, swept);
        }

        return purged;
    }

    /// <summary>Finished rides created within the session retention: found by their id prefix (a key range), purged one by one.</summary>
    private static async Task<int> PurgeFinishedRidesAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = RideInstanceId.Prefix, Statuses = Finished };
        var finished = new List<string>();
        await foreach (var ride in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            finished.Add(ride.InstanceId);
        }

        // Read first, then purged: deleting rows under a paged query could skip some.
        var purged = 0;
        foreach (var instanceId in finished)
        {
            purged += (await client.PurgeInstanceAsync(instanceId, cancellationToken)).PurgedInstanceCount;
        }

        return purged;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 47, Level = LogLevel.Information, Message = "Swept {Count} expired tombstones of users who disabled the skill")]
        public static partial void TombstonesSwept(ILogger logger, int count);

        [LoggerMessage(EventId = 45, Level = LogLevel.Information, Message = "Purged {Count} finished sessions older than {Retention}")]
        public static partial void Purged(ILogger logger, int count, TimeSpan retention);
    }
}
