using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Telemetry;

namespace RideHailer.Skill.Rides.Http;

/// <summary>
/// A ride provider that speaks the contract in docs/ride-provider-api.md: each call one request to the path the
/// contract names, with the bearer key; a provider that is down, slow or failing (5xx, no answer within the resilience
/// pipeline's time) is <see cref="RideServiceUnreachableException"/>, counted and logged without the rider's data; a
/// 409 <c>quote_expired</c> to a dispatch is <see cref="QuoteExpiredException"/>; any other refusal is
/// <see cref="RideUnavailableException"/>.
/// </summary>
public sealed partial class HttpRideProvider(
    HttpClient client, IOptions<RideProviderOptions> options, RideHailerMetrics metrics, ILogger<HttpRideProvider> logger) : IRideProvider
{
    private readonly AuthenticationHeaderValue _authorization = new("Bearer", options.Value.ApiKey);

    /// <inheritdoc/>
    public async Task<Quote> QuoteAsync(Pickup pickup, Place destination, RideType rideType, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pickup);
        ArgumentNullException.ThrowIfNull(destination);
        if (pickup.Point is not { } start)
        {
            // The contract prices from coordinates; an address the skill could not place has none to send.
            throw new RideUnavailableException("The pickup has no coordinates to send to the ride provider.");
        }

        var body = new WireQuoteRequest(
            new WirePoint(start.Latitude, start.Longitude),
            new WirePoint(destination.Location.Latitude, destination.Location.Longitude, destination.Name),
            rideType);
        var quote = await SendAsync(
            RideCall.Quote, HttpMethod.Post, RideProviderContract.QuotesPath, body, RideProviderJsonContext.Default.WireQuoteRequest,
            RideProviderJsonContext.Default.WireQuote, idempotencyKey: null, cancellationToken);
        return new Quote(
            quote.QuoteId,
            pickup,
            destination,
            new Money(quote.Price.Amount, quote.Price.Currency),
            TimeSpan.FromSeconds(quote.PickupEtaSeconds),
            now,
            quote.ExpiresAt)
        {
            RideType = rideType,
            TripTime = quote.TripSeconds is { } trip ? TimeSpan.FromSeconds(trip) : null,
        };
    }

    /// <inheritdoc/>
    public async Task<Dispatch> DispatchAsync(RideOrder order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var body = new WireRideRequest(order.Quote.Id, new WireRider(order.Passenger.GivenName, order.Passenger.MobileNumber));
        var ride = await SendAsync(
            RideCall.Dispatch, HttpMethod.Post, RideProviderContract.RidesPath, body, RideProviderJsonContext.Default.WireRideRequest,
            RideProviderJsonContext.Default.WireRide, order.IdempotencyKey, cancellationToken);
        var eta = TimeSpan.FromSeconds(ride.PickupEtaSeconds ?? (int)order.Quote.PickupEta.TotalSeconds);
        return DispatchOf(ride.Driver, eta) with { RideId = ride.RideId };
    }

    /// <inheritdoc/>
    public async Task<RideProgress> StatusAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(rideId);
        var ride = await SendAsync<object, WireRide>(
            RideCall.Status, HttpMethod.Get, RideProviderContract.RidePath(rideId), null, null,
            RideProviderJsonContext.Default.WireRide, idempotencyKey: null, cancellationToken);
        return ProgressOf(ride.RideId, ride.Status, ride.Driver, ride.PickupEtaSeconds, ride.Sequence ?? 0, now);
    }

    /// <inheritdoc/>
    public async Task<Money?> CancellationFeeAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(rideId);
        var fee = await SendAsync<object, WireCancelFee>(
            RideCall.CancelFee, HttpMethod.Get, RideProviderContract.CancelFeePath(rideId), null, null,
            RideProviderJsonContext.Default.WireCancelFee, idempotencyKey: null, cancellationToken);
        return MoneyOf(fee.Fee);
    }

    /// <inheritdoc/>
    public async Task<RideCancellation> CancelAsync(
        string rideId, string idempotencyKey, Money? confirmedFee, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(rideId);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var body = new WireCancelRequest(confirmedFee is { } fee ? new WireMoney(fee.Amount, fee.Currency) : null);
        var cancellation = await SendAsync(
            RideCall.Cancel, HttpMethod.Post, RideProviderContract.CancelPath(rideId), body, RideProviderJsonContext.Default.WireCancelRequest,
            RideProviderJsonContext.Default.WireCancellation, idempotencyKey, cancellationToken);
        return new RideCancellation(cancellation.Status, MoneyOf(cancellation.Fee));
    }

    /// <summary>The ride as a <see cref="RideProgress"/>: what a status answer and a webhook event both say.</summary>
    public static RideProgress ProgressOf(string rideId, RideStatus status, WireDriver? driver, int? pickupEtaSeconds, long sequence, DateTimeOffset at)
    {
        var eta = pickupEtaSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var dispatch = driver is null ? null : DispatchOf(driver, eta ?? TimeSpan.Zero) with { RideId = rideId };
        return new RideProgress(status, dispatch, eta, sequence, at);
    }

    // A provider still finding a driver answers without one; the booking then names none until an event does.
    private static Dispatch DispatchOf(WireDriver? driver, TimeSpan eta) =>
        new(driver?.Name ?? "", driver?.Car ?? "", driver?.Plate ?? "", eta);

    private static Money? MoneyOf(WireMoney? money) => money is null ? null : new Money(money.Amount, money.Currency);

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        RideCall call,
        HttpMethod method,
        string path,
        TRequest? body,
        JsonTypeInfo<TRequest>? bodyType,
        JsonTypeInfo<TResponse> responseType,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (idempotencyKey is not null)
        {
            request.Headers.Add(RideProviderContract.IdempotencyKeyHeader, idempotencyKey);
        }

        if (body is not null && bodyType is not null)
        {
            request.Content = JsonContent.Create(body, bodyType);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception failure) when (failure is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Unreachable(call, failure.GetType().Name, failure);
        }

        using (response)
        {
            if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                throw Unreachable(call, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), null);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await RefusalAsync(call, response, cancellationToken);
            }

            try
            {
                return await response.Content.ReadFromJsonAsync(responseType, cancellationToken)
                    ?? throw new JsonException("The body is null.");
            }
            catch (JsonException malformed)
            {
                // A provider that answers what the contract does not say is as good as none for this turn.
                throw Unreachable(call, "malformed-body", malformed);
            }
        }
    }

    private async Task<Exception> RefusalAsync(RideCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        Log.Refused(logger, call, status);
        if (call == RideCall.Dispatch && response.StatusCode == HttpStatusCode.Conflict && await ErrorOfAsync(response, cancellationToken) == RideProviderContract.QuoteExpiredError)
        {
            return new QuoteExpiredException("The ride provider answered 409 quote_expired.");
        }

        return new RideUnavailableException($"The ride provider refused {call} with {status}.");
    }

    private static async Task<string?> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync(RideProviderJsonContext.Default.WireError, cancellationToken))?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private RideServiceUnreachableException Unreachable(RideCall call, string reason, Exception? failure)
    {
        metrics.RideServiceUnreachable(call.ToString());
        Log.Unreachable(logger, call, reason);
        var message = $"The ride provider did not answer {call} in time ({reason}).";
        return failure is null ? new RideServiceUnreachableException(message) : new RideServiceUnreachableException(message, failure);
    }

    private static partial class Log
    {
        // Only the call and what went wrong: never the URL (it holds the ride id), a header (the key) or a body (the rider).
        [LoggerMessage(EventId = 70, Level = LogLevel.Warning, Message = "Ride provider unreachable on {Call}: {Reason}")]
        public static partial void Unreachable(ILogger logger, RideCall call, string reason);

        [LoggerMessage(EventId = 71, Level = LogLevel.Information, Message = "Ride provider refused {Call} with {Status}")]
        public static partial void Refused(ILogger logger, RideCall call, int status);
    }
}
