using System.Text.Json;
using System.Text.Json.Serialization;

namespace RideHailer.Skill.Places.AzureMaps;

// The parts of Get Geocoding's GeoJSON FeatureCollection the skill reads (api-version 2026-01-01); everything else
// in the response (bbox, matchCodes, geocodePoints, adminDistricts…) is ignored.
// https://learn.microsoft.com/rest/api/maps/search/get-geocoding?view=rest-maps-2026-01-01#geocodingresponse

internal sealed record GeocodingResponse(string? Type, IReadOnlyList<GeocodingFeature?>? Features);

internal sealed record GeocodingFeature(string? Type, GeocodingGeometry? Geometry, GeocodingProperties? Properties);

/// <summary>A GeoJSON Point: <c>coordinates</c> is [longitude, latitude].</summary>
internal sealed record GeocodingGeometry(string? Type, IReadOnlyList<double>? Coordinates);

internal sealed record GeocodingProperties(string? Type, string? Confidence, GeocodingAddress? Address);

internal sealed record GeocodingAddress(string? FormattedAddress, string? AddressLine, string? Locality);

/// <summary>The error body of a failed call: <c>{ "error": { "code": "…", "message": "…" } }</c>. Only the code is logged.</summary>
internal sealed record GeocodingErrorResponse(GeocodingError? Error);

internal sealed record GeocodingError(string? Code);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(GeocodingResponse))]
[JsonSerializable(typeof(GeocodingErrorResponse))]
internal sealed partial class GeocodingJsonContext : JsonSerializerContext;
