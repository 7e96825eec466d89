using Microsoft.Extensions.Logging;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Asks the provider where a ride is, for a ride orchestration that has heard nothing for
/// <see cref="RideOptions.StatusCheckInterval"/> (a webhook lost, a provider that reports only when asked). The answer
/// goes back to the orchestration, which records it as it records an event (an older sequence changes nothing). A
/// provider that cannot say is no failure: nothing is known, nothing is recorded, and the next check asks again.
/// </summary>
public sealed partial class CheckRideStatusActivity(IBookingStore store, IRideProvider provider, ILogger<CheckRideStatusActivity> logger)
{
    public const string Name = "CheckRideStatus";

    /// <summary>The provider's report of the booking's ride, or null when there is none to be had.</summary>
    public async Task<RideProgress?> RunAsync(CheckRideStatusInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            var booking = await store.FindAsync(input.BookingKey, cancellationToken);
            if (booking?.Dispatch.RideId is not { } rideId)
            {
                return null;
            }

            return await provider.StatusAsync(rideId, input.Now, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.CheckFailed(logger, exception.GetType().Name);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 161, Level = LogLevel.Warning, Message = "A quiet ride's status could not be asked of its provider ({ErrorType}); the next check asks again")]
        public static partial void CheckFailed(ILogger logger, string errorType);
    }
}

/// <param name="BookingKey">The booking whose ride is asked about.</param>
/// <param name="Now">The orchestration's clock, for the provider's answer.</param>
public sealed record CheckRideStatusInput(string BookingKey, DateTimeOffset Now);
