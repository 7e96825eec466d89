namespace RideHailer.Skill.Rides.Http;

/// <summary>
/// The contract's paths (relative to <c>RideProvider:BaseUrl</c>, no query string), headers and error words, as the
/// adapter, the webhook and the sample provider all use them (docs/ride-provider-api.md).
/// </summary>
public static class RideProviderContract
{
    public const string QuotesPath = "v1/quotes";
    public const string RidesPath = "v1/rides";

    /// <summary>The route templates of the five calls, as the OpenAPI file names them (with the leading '/').</summary>
    public const string RideTemplate = "/v1/rides/{rideId}";
    public const string CancelTemplate = "/v1/rides/{rideId}/cancel";
    public const string CancelFeeTemplate = "/v1/rides/{rideId}/cancel-fee";

    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string TimestampHeader = "X-Ride-Timestamp";
    public const string SignatureHeader = "X-Ride-Signature";
    public const string SignaturePrefix = "sha256=";

    /// <summary>The <c>error</c> of a 409 to <c>POST /v1/rides</c> whose quote the provider no longer honours.</summary>
    public const string QuoteExpiredError = "quote_expired";

    /// <summary>The calls, as the adapter makes them: method and route template.</summary>
    public static IReadOnlyList<(string Method, string Template)> Calls { get; } =
    [
        ("POST", "/" + QuotesPath),
        ("POST", "/" + RidesPath),
        ("GET", RideTemplate),
        ("POST", CancelTemplate),
        ("GET", CancelFeeTemplate),
    ];

    public static string RidePath(string rideId) => $"{RidesPath}/{Uri.EscapeDataString(rideId)}";

    public static string CancelPath(string rideId) => RidePath(rideId) + "/cancel";

    public static string CancelFeePath(string rideId) => RidePath(rideId) + "/cancel-fee";
}
