using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RideHailer.Domain;
using RideHailer.Domain.Places;

namespace RideHailer.Skill.Places.AzureMaps;

/// <summary>
/// Finds places with Azure Maps Search's Get Geocoding API (api-version <see cref="ApiVersion"/>, the version that
/// supersedes Search v1), in its free-form form: <c>query</c> is what the rider said, <c>coordinates</c> the pickup
/// (longitude first) to bias the results toward it, at most <see cref="MaxResults"/> results, best first. A place is
/// named in its short form, the address line or the place's name ("400 Broad St", "Space Needle"), so the rider hears
/// what they asked for. An empty answer is "not found"; any failure throws <see cref="PlaceSearchUnavailableException"/>
/// ("can't look up places"). Neither the key, the rider's words nor the pickup is ever logged.
/// </summary>
/// <remarks>https://learn.microsoft.com/rest/api/maps/search/get-geocoding?view=rest-maps-2026-01-01</remarks>
public sealed partial class AzureMapsPlaceSearch(
    HttpClient http,
    IOptions<PlacesOptions> options,
    AzureMapsToken token,
    ILogger<AzureMapsPlaceSearch> logger) : IPlaceSearch
{
    /// <summary>The Search API version of Get Geocoding (Microsoft's Search v1 migration guide).</summary>
    public const string ApiVersion = "2026-01-01";

    /// <summary>The most places asked for (<c>top</c>; the API allows 1 to 20, default 5); a choice between places reads at most three.</summary>
    public const int MaxResults = 5;

    /// <summary>The path of Get Geocoding under the endpoint.</summary>
    public const string Path = "geocode";

    /// <summary>One attempt's limit: Get Geocoding answers in a few hundred milliseconds when it is up.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// All attempts of one search together, the pause between them included. The session runs the search as an
    /// activity it may try twice, so a search takes at most about 2 × 1.5 s + 0.25 s of the turn's 6 s (Session:ReplyTimeout).
    /// </summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>The client's own limit, which also bounds reading the body: the pipeline's total and a little more.</summary>
    public static readonly TimeSpan ClientTimeout = TotalTimeout + TimeSpan.FromSeconds(0.5);

    /// <summary>The largest answer read; five features are a few kilobytes.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>Feature types whose short form is the address line; any other (a landmark, a city) is named by its name.</summary>
    private static readonly HashSet<string> AddressTypes = new(StringComparer.OrdinalIgnoreCase) { "Address", "RoadBlock", "RoadIntersection" };

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Place>> FindAsync(PlaceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.Said))
        {
            return [];
        }

        try
        {
            using var request = await RequestAsync(query.Said.Trim(), query.Near, cancellationToken);
            // The body is read into the client's bounded buffer within the client's overall timeout (AddPlaceSearch).
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var code = await ErrorCodeAsync(response, cancellationToken);
                Log.SearchRefused(logger, (int)response.StatusCode, code);
                throw new PlaceSearchUnavailableException(
                    $"Azure Maps Get Geocoding answered {(int)response.StatusCode} {response.StatusCode}{(code is null ? "" : $" ({code})")}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var collection = await JsonSerializer.DeserializeAsync(body, GeocodingJsonContext.Default.GeocodingResponse, cancellationToken);
            if (collection is not { Type: "FeatureCollection", Features: { } features })
            {
                throw new JsonException("The answer is not a GeoJSON FeatureCollection with features.");
            }

            return Places(features);
        }
        catch (JsonException exception)
        {
            Log.SearchFailed(logger, nameof(JsonException));
            throw new PlaceSearchUnavailableException("Azure Maps Get Geocoding gave an answer that is not a FeatureCollection.", exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or AuthenticationFailedException or CredentialUnavailableException ||
                                           (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.SearchFailed(logger, exception.GetType().Name);
            throw new PlaceSearchUnavailableException($"Azure Maps Get Geocoding could not be reached ({exception.GetType().Name}).", exception);
        }
    }

    /// <summary>
    /// <c>GET {endpoint}/geocode?api-version=2026-01-01&amp;query=…&amp;coordinates=lon,lat&amp;top=5</c>, nothing else in the
    /// query string; the credential goes in a header: <c>subscription-key</c>, or <c>x-ms-client-id</c> with a bearer token.
    /// </summary>
    private async Task<HttpRequestMessage> RequestAsync(string said, GeoPoint? near, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = new StringBuilder()
            .Append("api-version=").Append(ApiVersion)
            .Append("&query=").Append(Uri.EscapeDataString(said));
        if (near is not null)
        {
            query.Append("&coordinates=").Append(Degrees(near.Longitude)).Append(',').Append(Degrees(near.Latitude));
        }

        query.Append("&top=").Append(MaxResults.ToString(CultureInfo.InvariantCulture));
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{new Uri(settings.EffectiveEndpoint, Path).AbsoluteUri}?{query}", UriKind.Absolute));
        try
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/geo+json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (settings.UsesKey)
            {
                request.Headers.Add("subscription-key", settings.SubscriptionKey!.Trim());
            }
            else
            {
                request.Headers.Add("x-ms-client-id", settings.ClientId!.Trim());
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync(cancellationToken));
            }

            return request;
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    /// <summary>Decimal degrees to six places (about ten centimetres), with a point whatever the culture.</summary>
    private static string Degrees(double degrees) => degrees.ToString("0.######", CultureInfo.InvariantCulture);

    private static List<Place> Places(IReadOnlyList<GeocodingFeature?> features)
    {
        var places = new List<Place>(Math.Min(features.Count, MaxResults));
        foreach (var feature in features)
        {
            if (places.Count == MaxResults)
            {
                break;
            }

            if (PlaceOf(feature) is { } place && !places.Exists(found => found.Id == place.Id))
            {
                places.Add(place);
            }
        }

        return places;
    }

    /// <summary>A feature as a place, or null when it has no usable point or name (it is skipped, not fatal).</summary>
    internal static Place? PlaceOf(GeocodingFeature? feature)
    {
        if (feature?.Geometry?.Coordinates is not [var longitude, var latitude, ..] ||
            !double.IsFinite(longitude) || !double.IsFinite(latitude) || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            return null;
        }

        var properties = feature.Properties;
        var address = properties?.Address;
        var name = ShortForm(properties?.Type, address);
        if (name is null)
        {
            return null;
        }

        var location = new GeoPoint(latitude, longitude);
        return new Place(IdOf(location, address?.FormattedAddress ?? name), name, name, location, Text(address?.Locality) ?? string.Empty, [])
        {
            Confidence = ConfidenceOf(properties?.Confidence),
        };
    }

    /// <summary>
    /// The same feature always gets the same id: a hash of its point rounded to five places (about a metre) and its
    /// formatted address, so a place found again in a later turn or session is recognised as the same.
    /// </summary>
    internal static string IdOf(GeoPoint location, string formattedAddress) =>
        StableHash.Hex("am-", string.Create(
            CultureInfo.InvariantCulture,
            $"{Math.Round(location.Latitude, 5):F5}|{Math.Round(location.Longitude, 5):F5}|{formattedAddress.Trim().ToUpperInvariant()}"), 20);

    /// <summary>"400 Broad St" for an address; the name ("Empire State Building" of "Empire State Building, NY") for anything else.</summary>
    private static string? ShortForm(string? type, GeocodingAddress? address)
    {
        var line = Text(address?.AddressLine);
        var first = Text(address?.FormattedAddress?.Split(',', 2)[0]);
        return type is not null && AddressTypes.Contains(type)
            ? line ?? first ?? Text(address?.Locality)
            : first ?? line ?? Text(address?.Locality);
    }

    /// <summary>Azure Maps grades High, Medium or Low; a grade it adds later counts as Low until the skill knows it.</summary>
    private static PlaceConfidence ConfidenceOf(string? confidence) => confidence?.Trim().ToUpperInvariant() switch
    {
        "HIGH" => PlaceConfidence.High,
        "MEDIUM" => PlaceConfidence.Medium,
        _ => PlaceConfidence.Low,
    };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var error = await JsonSerializer.DeserializeAsync(body, GeocodingJsonContext.Default.GeocodingErrorResponse, cancellationToken);
            // The code is Azure's word for the failure ("429Throttled", "InternalServerError"); the message may echo the request.
            return error?.Error?.Code is { Length: > 0 and <= 64 } code && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
                ? code
                : null;
        }
        catch (Exception exception) when (exception is JsonException or HttpRequestException or IOException or TimeoutRejectedException ||
                                           (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "Azure Maps Get Geocoding answered {StatusCode} {ErrorCode}")]
        public static partial void SearchRefused(ILogger logger, int statusCode, string? errorCode);

        [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Azure Maps Get Geocoding failed: {Error}")]
        public static partial void SearchFailed(ILogger logger, string error);
    }
}
