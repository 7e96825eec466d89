using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Starts a booked ride's orchestration, once: its instance id follows from the booking's key, and a start finds an
/// instance already there and leaves it be. The engines differ on a second start of one id (Durable Functions
/// replaces a finished instance by default), so the instance is looked up first; two starts racing each other are
/// settled by the engine, which refuses the second while the first is pending or running.
/// </summary>
public sealed partial class RideStart(RideReporting reporting, IOptions<RideOptions> options, ILogger<RideStart> logger)
{
    private readonly bool _timed = reporting.OnFleetTimers;
    private readonly RideOptions _options = options.Value;

    /// <summary>Starts the ride's orchestration unless it exists (or existed: a ride that ended is not started again).</summary>
    public async Task EnsureStartedAsync(Booking booking, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(durable);
        var instanceId = RideInstanceId.For(booking.IdempotencyKey);
        if (RideTimeline.HasEnded(booking.Progress) || await durable.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return;
        }

        var input = new RideInput(booking.IdempotencyKey, _timed ? FleetSchedule.For(booking) : null, booking.Progress, _options.Retention)
        {
            StatusCheckInterval = _options.StatusCheckInterval,
            MaxLifetime = _options.MaxLifetime,
        };
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(RideOrchestration.Name, input, new StartOrchestrationOptions(instanceId), cancellationToken);
            Log.RideStarted(logger, instanceId, _timed);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A concurrent start won; anything else is the activity's failure, retried by the engine.
            if (await durable.GetInstanceAsync(instanceId, cancellationToken) is null)
            {
                throw;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 151, Level = LogLevel.Information, Message = "Ride {InstanceId} started (moved by the built-in fleet's timers: {Timed})")]
        public static partial void RideStarted(ILogger logger, string instanceId, bool timed);
    }
}
