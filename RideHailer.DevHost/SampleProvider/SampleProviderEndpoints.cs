using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Rides.Http;

namespace RideHailer.DevHost.SampleProvider;

/// <summary>
/// The built-in fleet served over the ride-provider contract (docs/ride-provider-api.md) at
/// <c>/sample-provider/v1/...</c>: what a dispatch system would answer, so the HTTP adapter runs end to end with no
/// outside service. Every call must carry <c>Authorization: Bearer &lt;RideProvider:ApiKey&gt;</c>.
/// </summary>
internal static class SampleProviderEndpoints
{
    public const string Prefix = "/sample-provider";

    /// <summary>Maps the five calls under <see cref="Prefix"/>.</summary>
    public static IEndpointRouteBuilder MapSampleProvider(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var provider = routes.MapGroup(Prefix).AddEndpointFilter(RequireBearerKey);
        provider.MapPost("/" + RideProviderContract.QuotesPath, QuoteAsync);
        provider.MapPost("/" + RideProviderContract.RidesPath, DispatchAsync);
        provider.MapGet(RideProviderContract.RideTemplate, Status);
        provider.MapPost(RideProviderContract.CancelTemplate, CancelAsync);
        provider.MapGet(RideProviderContract.CancelFeeTemplate, CancelFee);
        return routes;
    }

    private static async ValueTask<object?> RequireBearerKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = context.HttpContext.RequestServices.GetRequiredService<IOptions<RideProviderOptions>>().Value.ApiKey;
        var given = context.HttpContext.Request.Headers.Authorization.ToString();
        return !string.IsNullOrEmpty(key) && FixedTimeEquals(given, "Bearer " + key)
            ? await next(context)
            : Error(StatusCodes.Status401Unauthorized, "unauthorized");
    }

    private static async Task<IResult> QuoteAsync(HttpRequest request, SampleRides rides)
    {
        if (await ReadAsync(request, RideProviderJsonContext.Default.WireQuoteRequest) is not { } body)
        {
            return Error(StatusCodes.Status400BadRequest, "malformed_body");
        }

        var destination = new Place(
            StableHash.Hex("sample-", string.Create(CultureInfo.InvariantCulture, $"{body.Destination.Latitude:R}|{body.Destination.Longitude:R}"), 16),
            body.Destination.Name ?? "your destination",
            body.Destination.Name ?? "your destination",
            new GeoPoint(body.Destination.Latitude, body.Destination.Longitude),
            "",
            []);
        try
        {
            var quote = await rides.QuoteAsync(new GeoPoint(body.Pickup.Latitude, body.Pickup.Longitude), destination, body.RideType, request.HttpContext.RequestAborted);
            return Json(StatusCodes.Status200OK, new WireQuote(
                quote.Id,
                new WireMoney(quote.Price.Amount, quote.Price.Currency),
                Seconds(quote.PickupEta),
                quote.ExpiresAt,
                quote.TripTime is { } trip ? Seconds(trip) : null), RideProviderJsonContext.Default.WireQuote);
        }
        catch (RideUnavailableException)
        {
            return Error(StatusCodes.Status422UnprocessableEntity, "no_ride_available");
        }
    }

    private static async Task<IResult> DispatchAsync(HttpRequest request, SampleRides rides)
    {
        var key = request.Headers[RideProviderContract.IdempotencyKeyHeader].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return Error(StatusCodes.Status400BadRequest, "idempotency_key_required");
        }

        if (await ReadAsync(request, RideProviderJsonContext.Default.WireRideRequest) is not { } body)
        {
            return Error(StatusCodes.Status400BadRequest, "malformed_body");
        }

        if (rides.FindQuote(body.QuoteId) is not { } quote)
        {
            return Error(StatusCodes.Status404NotFound, "unknown_quote");
        }

        if (!quote.IsValidAt(rides.Now))
        {
            return Error(StatusCodes.Status409Conflict, RideProviderContract.QuoteExpiredError);
        }

        var (ride, isNew) = rides.Dispatch(key, quote, body.Rider);
        return Json(isNew ? StatusCodes.Status201Created : StatusCodes.Status200OK, RideOf(ride, rides.Now), RideProviderJsonContext.Default.WireRide);
    }

    private static IResult Status(string rideId, SampleRides rides) => rides.Find(rideId) is { } ride
        ? Json(StatusCodes.Status200OK, RideOf(ride, rides.Now), RideProviderJsonContext.Default.WireRide)
        : Error(StatusCodes.Status404NotFound, "unknown_ride");

    private static IResult CancelFee(string rideId, SampleRides rides) => rides.Find(rideId) is { } ride
        ? Json(StatusCodes.Status200OK, new WireCancelFee(MoneyOf(ride.CancelFeeAt(rides.Now))), RideProviderJsonContext.Default.WireCancelFee)
        : Error(StatusCodes.Status404NotFound, "unknown_ride");

    private static async Task<IResult> CancelAsync(string rideId, HttpRequest request, SampleRides rides)
    {
        var key = request.Headers[RideProviderContract.IdempotencyKeyHeader].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return Error(StatusCodes.Status400BadRequest, "idempotency_key_required");
        }

        if (await ReadAsync(request, RideProviderJsonContext.Default.WireCancelRequest) is not { } body)
        {
            return Error(StatusCodes.Status400BadRequest, "malformed_body");
        }

        if (rides.Find(rideId) is not { } ride)
        {
            return Error(StatusCodes.Status404NotFound, "unknown_ride");
        }

        var confirmed = body.ConfirmFee is { } fee ? new Money(fee.Amount, fee.Currency) : null;
        if (rides.Cancel(ride, key, confirmed) is not { } cancelled)
        {
            // A fee applies that the rider was not told of: ask for it first (GET .../cancel-fee), then confirm it.
            return Error(StatusCodes.Status409Conflict, "fee_not_confirmed");
        }

        var status = cancelled.StatusAt(rides.Now).Status;
        var charged = status == RideStatus.RiderCanceled ? cancelled.Cancelled?.Fee : null;
        return Json(StatusCodes.Status200OK, new WireCancellation(status, MoneyOf(charged)), RideProviderJsonContext.Default.WireCancellation);
    }

    private static WireRide RideOf(SampleRide ride, DateTimeOffset now)
    {
        var (status, sequence) = ride.StatusAt(now);
        var driver = new WireDriver(ride.Dispatch.DriverName, ride.Dispatch.Car, ride.Dispatch.LicensePlate);
        return new WireRide(ride.RideId, status, driver, ride.PickupEtaAt(now) is { } eta ? Seconds(eta) : null, sequence);
    }

    private static WireMoney? MoneyOf(Money? money) => money is null ? null : new WireMoney(money.Amount, money.Currency);

    private static int Seconds(TimeSpan span) => (int)Math.Max(0, Math.Ceiling(span.TotalSeconds));

    private static async Task<T?> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, type, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Json<T>(int status, T value, JsonTypeInfo<T> type) => Results.Json(value, type, statusCode: status);

    private static IResult Error(int status, string error) =>
        Results.Json(new WireError(error), RideProviderJsonContext.Default.WireError, statusCode: status);

    private static bool FixedTimeEquals(string given, string expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected));
}
