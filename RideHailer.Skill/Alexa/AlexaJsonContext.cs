using System.Text.Json.Serialization;
using RideHailer.Skill.Alexa.Requests;
using RideHailer.Skill.Alexa.Responses;

namespace RideHailer.Skill.Alexa;

/// <summary>
/// Source-generated serialization for the whole wire protocol. Reflection-based fallback is off
/// (see the project file), so a type missing here fails at build time, not in production.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = 32,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(RequestEnvelope))]
[JsonSerializable(typeof(LaunchRequest))]
[JsonSerializable(typeof(IntentRequest))]
[JsonSerializable(typeof(SessionResumedRequest))]
[JsonSerializable(typeof(SessionEndedRequest))]
[JsonSerializable(typeof(ConsentResult))]
[JsonSerializable(typeof(PinResult))]
[JsonSerializable(typeof(ResponseEnvelope))]
[JsonSerializable(typeof(ErrorBody))]
public sealed partial class AlexaJsonContext : JsonSerializerContext;
