using System.Diagnostics.Metrics;
using RideHailer.Domain;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Skill.Telemetry;

/// <summary>
/// The skill's measurements, on the <see cref="MeterName"/> meter. Every tag value comes from a small fixed set
/// (turn kinds, Alexa's result codes and statuses, rejection categories), never from a request's free text, a
/// token, a session id or anything about the rider, so the tags are safe to export and cheap to aggregate.
/// </summary>
public sealed class RideHailerMetrics
{
    public const string MeterName = "RideHailer";

    public const string TurnDurationName = "ridehailer.turn.duration";
    public const string ConsentResultsName = "ridehailer.consent.results";
    public const string PinResultsName = "ridehailer.pin.results";
    public const string BookingsName = "ridehailer.bookings";
    public const string RejectedRequestsName = "ridehailer.requests.rejected";
    public const string AlexaErrorsName = "ridehailer.alexa.errors";
    public const string RideProviderUnreachableName = "ridehailer.rideprovider.unreachable";
    public const string ActiveTurnsName = "ridehailer.admission.active_turns";
    public const string QueuedTurnsName = "ridehailer.admission.queued_turns";

    private readonly Meter _meter;

    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _consentResults;
    private readonly Counter<long> _pinResults;
    private readonly Counter<long> _bookings;
    private readonly Counter<long> _rejectedRequests;
    private readonly Counter<long> _alexaErrors;
    private readonly Counter<long> _rideProviderUnreachable;

    public RideHailerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = _meter = meterFactory.Create(MeterName);
        _turnDuration = meter.CreateHistogram<double>(
            TurnDurationName, "ms", "Time from receiving an Alexa request to answering it, for each conversational turn.");
        _consentResults = meter.CreateCounter<long>(
            ConsentResultsName, "{result}", "Results of the voice consent connection (AskForPermissionsConsent) that Alexa delivered.");
        _pinResults = meter.CreateCounter<long>(
            PinResultsName, "{result}", "Results of the PIN connection (VerifyPerson) that Alexa delivered.");
        _bookings = meter.CreateCounter<long>(
            BookingsName, "{booking}", "Rides booked: each booking is counted once, however often its activity runs.");
        _rejectedRequests = meter.CreateCounter<long>(
            RejectedRequestsName, "{request}", "Requests answered with HTTP 400, by why they were refused.");
        _alexaErrors = meter.CreateCounter<long>(
            AlexaErrorsName, "{error}", "Failures of the skill's responses that Alexa reported (System.ExceptionEncountered, SessionEndedRequest with reason ERROR).");
        _rideProviderUnreachable = meter.CreateCounter<long>(
            RideProviderUnreachableName, "{call}", "Calls to the HTTP ride provider that found it down, slow or failing (5xx), by call.");
    }

    /// <summary>A conversational turn was answered, timed out or failed after <paramref name="elapsed"/>.</summary>
    public void TurnAnswered(Turn turn, TurnAnswerKind outcome, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(turn);
        _turnDuration.Record(
            elapsed.TotalMilliseconds,
            new KeyValuePair<string, object?>(MetricTags.Turn, MetricTags.TurnKind(turn)),
            new KeyValuePair<string, object?>(MetricTags.Outcome, MetricTags.OutcomeOf(outcome)));
    }

    /// <summary>Alexa resumed the session with a connection's result (consent or PIN), tagged with Alexa's own words.</summary>
    public void ConnectionResolved(ConnectionResultReport result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Kind == ConnectionKind.Consent)
        {
            _consentResults.Add(
                1,
                new KeyValuePair<string, object?>(MetricTags.Code, MetricTags.StatusCode(result.Code)),
                new KeyValuePair<string, object?>(MetricTags.Status, MetricTags.ConsentStatus(result.Status)));
            return;
        }

        _pinResults.Add(
            1,
            new KeyValuePair<string, object?>(MetricTags.Code, MetricTags.StatusCode(result.Code)),
            new KeyValuePair<string, object?>(MetricTags.Status, MetricTags.PinStatus(result.Status)),
            new KeyValuePair<string, object?>(MetricTags.Reason, MetricTags.PinReason(result.Reason)));
    }

    /// <summary>A ride was booked just now (not found already booked under its idempotency key).</summary>
    public void BookingMade() => _bookings.Add(1);

    /// <summary>A request was refused with HTTP 400.</summary>
    public void RequestRejected(RejectionCategory category) =>
        _rejectedRequests.Add(1, new KeyValuePair<string, object?>(MetricTags.Category, MetricTags.CategoryOf(category)));

    /// <summary>Alexa reported that a response of the skill's failed.</summary>
    public void AlexaErrorReported(AlexaErrorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _alexaErrors.Add(
            1,
            new KeyValuePair<string, object?>(MetricTags.Request, report.Request),
            new KeyValuePair<string, object?>(MetricTags.ErrorType, MetricTags.AlexaErrorType(report.ErrorType)));
    }

    /// <summary>A call to the HTTP ride provider (quote, dispatch, status, cancel fee, cancel) found it unreachable.</summary>
    public void RideServiceUnreachable(string call) =>
        _rideProviderUnreachable.Add(1, new KeyValuePair<string, object?>(MetricTags.Call, MetricTags.ProviderCall(call)));

    /// <summary>
    /// Reports, whenever the metrics are collected, how many of this host's turns are with the durable backend and how
    /// many wait for a place among them: what <c>Session:MaxConcurrentTurns</c> and <c>Session:MaxWaitingTurns</c> are tuned by.
    /// </summary>
    public void ObserveAdmission(Func<long> active, Func<long> queued)
    {
        _meter.CreateObservableUpDownCounter(
            ActiveTurnsName, active, "{turn}", "Turns of this host with the durable backend now (at most Session:MaxConcurrentTurns).");
        _meter.CreateObservableUpDownCounter(
            QueuedTurnsName, queued, "{turn}", "Turns of this host waiting for a place with the durable backend (at most Session:MaxWaitingTurns).");
    }
}
