using Microsoft.Extensions.Logging;
using RideHailer.Domain;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Looks up the rider's most recent ride for "where is my ride" and "cancel my ride". A status older than
/// <see cref="RideFreshness.MaxAge"/> is asked of the provider first and recorded; when the provider cannot say, the
/// stored status answers. Its input carries the orchestration's clock, so a replay judges freshness the same way.
/// </summary>
public sealed partial class FindLatestRideActivity(IBookingStore store, IRideProvider provider, ILogger<FindLatestRideActivity> logger)
{
    public const string Name = "FindLatestRide";

    /// <summary>The rider's latest booking with its freshest known progress, or null when they have none.</summary>
    public async Task<Booking?> RunAsync(FindLatestRideInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var latest = await store.FindLatestAsync(input.Command.RiderId, cancellationToken);
        if (latest is null || !RideFreshness.NeedsRefresh(latest, input.Now))
        {
            return latest;
        }

        try
        {
            var progress = await provider.StatusAsync(latest.Dispatch.RideId!, input.Now, cancellationToken);
            return await store.RecordProgressAsync(latest.IdempotencyKey, progress, cancellationToken)
                ? latest with { Progress = progress }
                : await store.FindAsync(latest.IdempotencyKey, cancellationToken) ?? latest;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A provider that cannot say now must not leave the rider without an answer: the stored status is told.
            Log.RefreshFailed(logger, exception.GetType().Name);
            return latest;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 60, Level = LogLevel.Warning, Message = "A ride's status could not be refreshed ({ErrorType}); the stored status answers")]
        public static partial void RefreshFailed(ILogger logger, string errorType);
    }
}

public sealed record FindLatestRideInput(FindLatestRide Command, DateTimeOffset Now);
