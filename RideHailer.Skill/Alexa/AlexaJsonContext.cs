using System.Text.Json.Serialization;
using RideHailer.Skill.Alexa.Read.Requests;
using RideHailer.Skill.Alexa.Render.Responses;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Skill.Alexa;

/// <summary>
/// Source-generated serialization for the whole wire protocol. Reflection-based fallback is off
/// (see the project file), so a type missing here fails at build time, not in production.
/// </summary>
/// <remarks>
/// Echo Show requests nest the APL visual context as deep as the document on screen, so the depth limit is the
/// body limit: no body the endpoint accepts is too deep. That costs nothing: the modelled types nest a fixed few
/// levels, and what they do not model (most of <c>context</c>) the reader skips in a loop, not by recursion, in
/// time linear in its size. Members kept raw are bounded on their own (<see cref="BoundedJsonElementConverter"/>).
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = AlexaRequestVerifier.MaxBodyBytes,
    Converters = [typeof(BoundedJsonElementConverter)],
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(RequestEnvelope))]
[JsonSerializable(typeof(LaunchRequest))]
[JsonSerializable(typeof(IntentRequest))]
[JsonSerializable(typeof(SessionResumedRequest))]
[JsonSerializable(typeof(SessionEndedRequest))]
[JsonSerializable(typeof(ExceptionEncounteredRequest))]
[JsonSerializable(typeof(SkillEventRequest))]
[JsonSerializable(typeof(ConsentResult))]
[JsonSerializable(typeof(PinResult))]
[JsonSerializable(typeof(ResponseEnvelope))]
[JsonSerializable(typeof(ErrorBody))]
public sealed partial class AlexaJsonContext : JsonSerializerContext;
