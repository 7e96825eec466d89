using System.Text.Json.Serialization;

namespace RideHailer.Skill.Rides.Http;

/// <summary>
/// Source-generated serialization for the ride-provider contract: camelCase names, absent optional members left out,
/// a required member missing or null (or an unknown status) a <see cref="System.Text.Json.JsonException"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = 16,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(WireQuoteRequest))]
[JsonSerializable(typeof(WireQuote))]
[JsonSerializable(typeof(WireRideRequest))]
[JsonSerializable(typeof(WireRide))]
[JsonSerializable(typeof(WireCancelRequest))]
[JsonSerializable(typeof(WireCancellation))]
[JsonSerializable(typeof(WireCancelFee))]
[JsonSerializable(typeof(WireError))]
[JsonSerializable(typeof(WireRideEvent))]
public sealed partial class RideProviderJsonContext : JsonSerializerContext;
