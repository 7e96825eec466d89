using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// One booked ride, from dispatch to its end (instance <see cref="RideInstanceId"/>). The built-in fleet's ride moves on
/// durable timers (<see cref="FleetSchedule"/>); another provider's on its reports (<see cref="RideEventNames.Progress"/>).
/// Either way the rider's cancellation (<see cref="RideEventNames.Canceled"/>) ends it at once. <see cref="RideTimeline"/>
/// decides what each report changes; every change is recorded in the bookings table by an activity, and added to the
/// ride's <see cref="RideHistory"/>, its custom status (the states so far, with no personal data: the web console's ride
/// timeline). Once ended it waits out <see cref="RideOptions.Retention"/> and completes, and the purge removes it.
/// </summary>
public static partial class RideOrchestration
{
    public const string Name = "Ride";

    /// <summary>Provider reports per generation before ContinueAsNew, so the history replayed on each report stays small.</summary>
    internal const int ReportsPerGeneration = 16;

    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    public static async Task<RideProgress?> RunAsync(TaskOrchestrationContext context, RideInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger(typeof(RideOrchestration));
        var ride = new RideRun(context, input);
        context.SetCustomStatus(ride.History);
        try
        {
            if (input.Schedule is { } schedule)
            {
                await ride.FollowAsync(schedule);
            }
            else if (!await ride.ListenAsync())
            {
                context.ContinueAsNew(input with { Current = ride.Current, History = ride.History }, preserveUnprocessedEvents: true);
                return ride.Current;
            }
        }
        finally
        {
            ride.Dispose();
        }

        Log.RideEnded(logger, context.InstanceId, ride.Current?.Status);
        // Kept, running, for the retention: the purge removes only finished instances, so it removes this one after.
        await context.CreateTimer(context.CurrentUtcDateTime + input.Retention, CancellationToken.None);
        return ride.Current;
    }

    /// <summary>One generation of the ride: the rider's cancellation is awaited throughout, a timer or a report at a time.</summary>
    private sealed class RideRun(TaskOrchestrationContext context, RideInput input) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task<RideCancellation>? _canceled;

        public RideProgress? Current { get; private set; } = input.Current;

        /// <summary>The states so far, as the custom status shows them.</summary>
        public RideHistory History { get; private set; } = input.History ?? RideHistory.Of(input.Current);

        private Task<RideCancellation> Canceled => _canceled ??= context.WaitForExternalEvent<RideCancellation>(RideEventNames.Canceled, _stop.Token);

        /// <summary>Plays the built-in fleet's reports as they fall due, until the ride ends.</summary>
        public async Task FollowAsync(IReadOnlyList<ScheduledReport> schedule)
        {
            foreach (var report in schedule)
            {
                if (RideTimeline.HasEnded(Current))
                {
                    return;
                }

                if (report.Due > context.CurrentUtcDateTime)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    var due = context.CreateTimer(report.Due.UtcDateTime, wait.Token);
                    if (await Task.WhenAny(due, Canceled) == Canceled)
                    {
#pragma warning disable CA1849 // CancelAsync would resume on the thread pool, outside the orchestrator's scheduler.
                        wait.Cancel();
#pragma warning restore CA1849
                        await CancelAsync();
                        return;
                    }
                }

                await ApplyAsync(RideTimeline.Next(Current, report.Progress));
            }
        }

        /// <summary>Applies the provider's reports until the ride ends (true) or this generation has seen its share (false).</summary>
        public async Task<bool> ListenAsync()
        {
            for (var reports = 0; reports < ReportsPerGeneration; reports++)
            {
                if (RideTimeline.HasEnded(Current))
                {
                    return true;
                }

                var progress = context.WaitForExternalEvent<RideProgress>(RideEventNames.Progress);
                if (await Task.WhenAny(progress, Canceled) == Canceled)
                {
                    await CancelAsync();
                    return true;
                }

                await ApplyAsync(RideTimeline.Next(Current, await progress));
            }

            return RideTimeline.HasEnded(Current);
        }

        private async Task CancelAsync() =>
            await ApplyAsync(RideTimeline.Canceled(Current, await Canceled, context.CurrentUtcDateTime));

        private async Task ApplyAsync(RideProgress? next)
        {
            if (next is null)
            {
                return;
            }

            Current = next;
            History = History.With(next);
            context.SetCustomStatus(History);
            await context.CallActivityAsync<bool>(
                RecordRideProgressActivity.Name, new RecordRideProgressInput(input.BookingKey, next), ActivityRetry);
        }

        /// <summary>Cancels the outstanding wait for the rider's cancellation: a generation must not end with it pending.</summary>
        public void Dispose()
        {
#pragma warning disable CA1849 // CancelAsync would resume on the thread pool, outside the orchestrator's scheduler.
            _stop.Cancel();
#pragma warning restore CA1849
            _stop.Dispose();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 150, Level = LogLevel.Information, Message = "Ride {InstanceId} ended: {Status}")]
        public static partial void RideEnded(ILogger logger, string instanceId, RideStatus? status);
    }
}
