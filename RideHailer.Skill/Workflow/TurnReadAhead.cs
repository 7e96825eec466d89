using Microsoft.Extensions.Logging;
using RideHailer.Domain;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Runs at the edge, with the activities' own code, the reads a turn will command (<see cref="Conversation.ReadsAhead"/>)
/// while its session is being reached, so the session answers from their results instead of a round trip through the
/// engine's work-item queue for each. A read that fails is left out: the session then runs its activity, with its retry,
/// as it would without the read ahead.
/// </summary>
public sealed partial class TurnReadAhead(
    FindPlaceActivity places,
    FindActiveRideActivity activeRides,
    FindLatestRideActivity latestRides,
    TimeProvider timeProvider,
    ILogger<TurnReadAhead> logger)
{
    /// <summary>The results of the reads <paramref name="turn"/> will command, those that succeeded.</summary>
    public async Task<IReadOnlyList<ReadAheadResult>> RunAsync(Turn turn, RiderFacts rider, CancellationToken cancellationToken)
    {
        var reads = Conversation.ReadsAhead(turn, rider);
        if (reads.Count == 0)
        {
            return [];
        }

        var results = await Task.WhenAll(reads.Select(read => TryReadAsync(read, cancellationToken)));
        return [.. results.OfType<ReadAheadResult>()];
    }

    private async Task<ReadAheadResult?> TryReadAsync(Command command, CancellationToken cancellationToken)
    {
        try
        {
            return new ReadAheadResult(command, await ReadAsync(command, cancellationToken));
        }
        catch (Exception exception)
        {
            // Never a fault: the reads may be left unawaited when the turn's preparation stops early (its budget ran out).
            if (!cancellationToken.IsCancellationRequested)
            {
                Log.ReadAheadFailed(logger, command.GetType().Name, exception.GetType().Name);
            }

            return null;
        }
    }

    private async Task<Turn> ReadAsync(Command command, CancellationToken cancellationToken) => command switch
    {
        FindPlace find => ReadAheadResult.PlacesFound(await places.RunAsync(find, cancellationToken)),
        FindActiveRide find => ReadAheadResult.ActiveRide(
            await activeRides.RunAsync(new FindActiveRideInput(find, timeProvider.GetUtcNow()), cancellationToken)),
        FindLatestRide find => ReadAheadResult.LatestRide(
            await latestRides.RunAsync(new FindLatestRideInput(find, timeProvider.GetUtcNow()), cancellationToken)),
        _ => throw new InvalidOperationException($"{command.GetType().Name} is not a read."),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 26, Level = LogLevel.Warning,
            Message = "Reading {Command} ahead of the session failed ({ErrorType}); the session runs it itself")]
        public static partial void ReadAheadFailed(ILogger logger, string command, string errorType);
    }
}
