using Microsoft.DurableTask.Client;
using RideHailer.Domain;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Alexa.Enrich;
using RideHailer.Skill.Storage;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// Reads a run's session through the durable client, and the rider's bookings from the host's booking store: the
/// ride still on its way (the store's own query by rider) and each booking a finished session of the run recorded.
/// </summary>
internal sealed class ConsoleStateReader(
    DurableTaskClient durable,
    IBookingStore bookings,
    BookingStoreDescription store,
    IRiderIdentity identity,
    TimeProvider time)
{
    public async Task<ConsoleState> ReadAsync(ConsoleRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (sessionIds, sessionOpen) = await run.SessionsAsync(cancellationToken);
        var errors = new List<string>();
        SessionView? session = null;
        var bookingKeys = new List<string>();
        foreach (var sessionId in sessionIds)
        {
            try
            {
                var (view, bookingKey) = await ReadSessionAsync(sessionId, cancellationToken);
                session = view;
                if (bookingKey is not null)
                {
                    bookingKeys.Add(bookingKey);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                errors.Add($"The durable state of session {sessionId} could not be read: {exception.Message}");
            }
        }

        var found = new Dictionary<string, Booking>(StringComparer.Ordinal);
        try
        {
            if (run.LinkedAccount is { } account && await identity.ResolveRiderIdAsync(account, cancellationToken) is { } riderId &&
                await bookings.FindActiveAsync(riderId, time.GetUtcNow(), cancellationToken) is { } active)
            {
                found[active.IdempotencyKey] = active;
            }

            foreach (var key in bookingKeys.Where(key => !found.ContainsKey(key)))
            {
                if (await bookings.FindAsync(key, cancellationToken) is { } booking)
                {
                    found[key] = booking;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            errors.Add($"The bookings could not be read from the store: {exception.Message}");
        }

        var step = sessionOpen && session?.Step is { } name && Enum.TryParse<SessionStep>(name, out var parsed) ? parsed : (SessionStep?)null;
        return new ConsoleState(
            session,
            [.. found.Values.OrderByDescending(booking => booking.BookedAt).Select(BookingView.From)],
            store.Text,
            QuickUtterances.For(step, run.Flags.Locale),
            errors.Count == 0 ? null : string.Join(" ", errors));
    }

    private async Task<(SessionView View, string? BookingKey)> ReadSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var instanceId = SessionInstanceId.For(sessionId);
        var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return (new SessionView(sessionId, instanceId, "NotFound", null, null, null, null), null);
        }

        var status = instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<SessionStatus>();
        var outcome = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && instance.SerializedOutput is not null
            ? instance.ReadOutputAs<SessionOutcome>()
            : null;
        var view = new SessionView(
            sessionId,
            instanceId,
            instance.RuntimeStatus.ToString(),
            (status?.Step ?? outcome?.State.Step)?.ToString(),
            status?.PendingConnection,
            status?.RequestId,
            instance.LastUpdatedAt);
        return (view, outcome?.State.Booking?.IdempotencyKey);
    }
}
