using Microsoft.DurableTask.Client;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost;

/// <summary>The DevHost's counterpart of the Functions app's purge timer: the same purge, on a periodic timer.</summary>
internal sealed partial class FinishedSessionPurgeService(
    FinishedSessionPurge purge, DurableTaskClient client, ILogger<FinishedSessionPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(purge.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await purge.PurgeAsync(client, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The next tick tries again; a backend that is down must not stop the host.
                Log.PurgeFailed(logger, exception);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 46, Level = LogLevel.Warning, Message = "Purging finished sessions failed; the next run tries again")]
        public static partial void PurgeFailed(ILogger logger, Exception exception);
    }
}
