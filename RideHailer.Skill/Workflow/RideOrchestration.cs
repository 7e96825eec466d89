using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// One booked ride, from dispatch to its end (instance <see cref="RideInstanceId"/>). The built-in fleet's ride moves on
/// durable timers (<see cref="FleetSchedule"/>); another provider's on its reports (<see cref="RideEventNames.Progress"/>),
/// and, when it has been silent for <see cref="RideInput.StatusCheckInterval"/>, on its answer to a status check
/// (<see cref="CheckRideStatusActivity"/>). Either way the rider's cancellation (<see cref="RideEventNames.Canceled"/>)
/// ends it at once. <see cref="RideTimeline"/> decides what each report changes; every change is recorded in the bookings
/// table by an activity, and added to the ride's <see cref="RideHistory"/>, its custom status (the states so far, with no
/// personal data: the web console's ride timeline). A provider's ride that never reports an end is let go after
/// <see cref="RideInput.MaxLifetime"/>: the booking keeps its last known status (nothing is made up), and the orchestration
/// ends as an ended ride does. Once ended or let go it waits out <see cref="RideOptions.Retention"/> and completes, and the
/// purge removes it.
/// </summary>
public static partial class RideOrchestration
{
    public const string Name = "Ride";

    /// <summary>
    /// Provider reports and status checks per generation before ContinueAsNew, so the history replayed on each stays small.
    /// </summary>
    internal const int ReportsPerGeneration = 16;

    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    public static async Task<RideProgress?> RunAsync(TaskOrchestrationContext context, RideInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger(typeof(RideOrchestration));
        var ride = new RideRun(context, input);
        var outcome = Listening.Ended;
        context.SetCustomStatus(ride.History);
        try
        {
            if (input.Schedule is { } schedule)
            {
                await ride.FollowAsync(schedule);
            }
            else
            {
                outcome = await ride.ListenAsync();
                if (outcome == Listening.GenerationDone)
                {
                    context.ContinueAsNew(
                        input with { Current = ride.Current, HoldUntil = ride.HoldUntil, History = ride.History, Continued = true }, preserveUnprocessedEvents: true);
                    return ride.Current;
                }
            }
        }
        finally
        {
            ride.Dispose();
        }

        if (outcome == Listening.LetGo)
        {
            Log.RideLetGo(logger, context.InstanceId, ride.Current?.Status, input.MaxLifetime);
        }
        else
        {
            Log.RideEnded(logger, context.InstanceId, ride.Current?.Status);
        }

        // Kept, running, for the retention: the purge removes only finished instances, so it removes this one after.
        await context.CreateTimer(context.CurrentUtcDateTime + input.Retention, CancellationToken.None);
        return ride.Current;
    }

    /// <summary>How a generation of listening to the provider stopped.</summary>
    private enum Listening
    {
        /// <summary>The ride ended (a final report, or the rider's cancellation).</summary>
        Ended,

        /// <summary>The ride outlived <see cref="RideInput.MaxLifetime"/> without an end, and is no longer held.</summary>
        LetGo,

        /// <summary>This generation has had its share of reports and checks; the ride goes on in the next.</summary>
        GenerationDone,
    }

    /// <summary>
    /// One generation of the ride: the rider's cancellation is awaited throughout, a timer, a report or a status check at
    /// a time. One wait for a report and one timer are outstanding at a time, and moved on only when they complete (as
    /// the session's <see cref="TurnInbox"/> does): a report is never left with a wait abandoned earlier.
    /// </summary>
    private sealed class RideRun(TaskOrchestrationContext context, RideInput input) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task<RideCancellation>? _canceled;
        private Task<RideProgress>? _report;
        private Task? _quiet;
        private DateTime _heardAt = context.CurrentUtcDateTime;

        public RideProgress? Current { get; private set; } = input.Current;

        /// <summary>When the ride is let go if it has not ended by then: the first generation's start plus the ride's longest hold.</summary>
        public DateTime HoldUntil { get; } = input.HoldUntil ?? context.CurrentUtcDateTime + input.MaxLifetime;

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

        /// <summary>
        /// Applies the provider's reports, asking for the ride's status after each <see cref="RideInput.StatusCheckInterval"/>
        /// of silence, until the ride ends, outlives <see cref="HoldUntil"/>, or this generation has seen its share.
        /// </summary>
        public async Task<Listening> ListenAsync()
        {
            if (input.Continued)
            {
                await CheckAsync();
            }

            var heard = 0;
            while (heard < ReportsPerGeneration)
            {
                if (RideTimeline.HasEnded(Current))
                {
                    return Listening.Ended;
                }

                if (context.CurrentUtcDateTime >= HoldUntil)
                {
                    return Listening.LetGo;
                }

                // No cancellation token on the report's wait: it stays the one wait for reports, across timers and
                // checks, so a report that arrives meanwhile completes it and is applied next.
                var checkAt = Min(_heardAt + input.StatusCheckInterval, HoldUntil);
                _report ??= context.WaitForExternalEvent<RideProgress>(RideEventNames.Progress);
                _quiet ??= context.CreateTimer(checkAt, _stop.Token);
                var first = await Task.WhenAny(_report, Canceled, _quiet);
                if (first == Canceled)
                {
                    await CancelAsync();
                    return Listening.Ended;
                }

                if (first == _report)
                {
                    var report = await _report;
                    (_report, _heardAt) = (null, context.CurrentUtcDateTime);
                    await ApplyAsync(RideTimeline.Next(Current, report));
                    heard++;
                    continue;
                }

                // The timer fired. A report since it was set restarted the silence: wait again, from that report.
                _quiet = null;
                if (context.CurrentUtcDateTime >= checkAt)
                {
                    await CheckAsync();
                    heard++;
                }
            }

            return RideTimeline.HasEnded(Current) ? Listening.Ended : Listening.GenerationDone;
        }

        /// <summary>
        /// Silent for the interval (or the ride's hold is over, when the provider is asked once more before the ride is
        /// let go, so a ride that ended unreported still ends in the table): its answer counts as a report would.
        /// </summary>
        private async Task CheckAsync()
        {
            _heardAt = context.CurrentUtcDateTime;
            RideProgress? reported;
            try
            {
                reported = await context.CallActivityAsync<RideProgress?>(
                    CheckRideStatusActivity.Name, new CheckRideStatusInput(input.BookingKey, new DateTimeOffset(_heardAt, TimeSpan.Zero)));
            }
            catch (TaskFailedException)
            {
                // The activity answers null for a provider that cannot say; a failure of its own is no more than that.
                reported = null;
            }

            if (reported is not null)
            {
                await ApplyAsync(RideTimeline.Next(Current, reported));
            }
        }

        private static DateTime Min(DateTime one, DateTime other) => one < other ? one : other;

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

        /// <summary>
        /// Cancels the outstanding timer and wait for the rider's cancellation: a generation must not end with them
        /// pending. A report's wait left pending is safe: reports raised after the continue-as-new are carried over.
        /// </summary>
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

        [LoggerMessage(EventId = 160, Level = LogLevel.Warning,
            Message = "Ride {InstanceId} reported no end within {MaxLifetime}; let go at its last known status {Status}")]
        public static partial void RideLetGo(ILogger logger, string instanceId, RideStatus? status, TimeSpan maxLifetime);
    }
}
