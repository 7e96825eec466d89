using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>
/// Parses a request body in two steps: the envelope with a raw <c>request</c>, then the request by its
/// <c>type</c>. Unknown types become <see cref="UnsupportedRequest"/>; malformed input yields a short reason.
/// </summary>
public static class AlexaRequestParser
{
    public static bool TryParse(
        ReadOnlySpan<byte> body,
        [NotNullWhen(true)] out AlexaRequest? request,
        [NotNullWhen(false)] out string? failureReason)
    {
        request = null;
        try
        {
            var envelope = JsonSerializer.Deserialize(body, AlexaJsonContext.Default.RequestEnvelope);
            if (envelope is null)
            {
                failureReason = "the body is not a request envelope";
                return false;
            }

            if (!JsonUnicode.IsValid(body, AlexaJsonContext.Default.Options.MaxDepth))
            {
                failureReason = "malformed JSON: a string is not valid Unicode";
                return false;
            }

            if (envelope.Request.ValueKind != JsonValueKind.Object)
            {
                failureReason = "the envelope has no request object";
                return false;
            }

            if (!envelope.Request.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String ||
                string.IsNullOrWhiteSpace(type.GetString()))
            {
                failureReason = "the request has no type";
                return false;
            }

            request = new AlexaRequest(envelope, ParseRequest(type.GetString()!, envelope.Request));
            failureReason = null;
            return true;
        }
        catch (JsonException exception)
        {
            failureReason = exception.Path is null ? "malformed JSON" : $"malformed JSON at {SanitisedPath(exception.Path)}";
            return false;
        }
    }

    /// <summary>
    /// The JSON path with each key's characters cut to letters, digits and <c>_-@</c> and the whole to 128 characters:
    /// the path holds the sender's key names, which go into the 400 body and the log (a newline would forge a log line).
    /// </summary>
    private static string SanitisedPath(string path)
    {
        var text = path.Length > 128 ? path[..128] + "…" : path;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '$' or '.' or '[' or ']' or '\'' or '_' or '-' or '@' or '…' ? c : '?';
            }
        });
    }

    /// <summary>Reads a consent connection's <c>cause.result</c>; null when absent or not that shape.</summary>
    public static ConsentResult? ReadConsentResult(ConnectionCause cause) =>
        ReadResult(cause, AlexaJsonContext.Default.ConsentResult);

    /// <summary>Reads a PIN connection's <c>cause.result</c>; null when absent or not that shape.</summary>
    public static PinResult? ReadPinResult(ConnectionCause cause) =>
        ReadResult(cause, AlexaJsonContext.Default.PinResult);

    private static SkillRequest ParseRequest(string type, JsonElement request) => type switch
    {
        "LaunchRequest" => Read(request, AlexaJsonContext.Default.LaunchRequest),
        "IntentRequest" => RequireIntentName(Read(request, AlexaJsonContext.Default.IntentRequest)),
        "SessionResumedRequest" => Read(request, AlexaJsonContext.Default.SessionResumedRequest),
        "SessionEndedRequest" => Read(request, AlexaJsonContext.Default.SessionEndedRequest),
        "System.ExceptionEncountered" => Read(request, AlexaJsonContext.Default.ExceptionEncounteredRequest),
        SkillEventRequest.SkillEnabled or SkillEventRequest.SkillDisabled or SkillEventRequest.SkillPermissionAccepted
            or SkillEventRequest.SkillPermissionChanged or SkillEventRequest.SkillAccountLinked =>
            Read(request, AlexaJsonContext.Default.SkillEventRequest),
        _ => ReadUnsupported(type, request),
    };

    private static T Read<T>(JsonElement request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : SkillRequest =>
        request.Deserialize(typeInfo) ?? throw new JsonException("the request is null", "$.request", null, null);

    // Alexa omits absent members rather than sending null, so a missing intent only shows up here.
    private static IntentRequest RequireIntentName(IntentRequest request) =>
        request.Intent is { Name.Length: > 0 } ? request : throw new JsonException("the intent has no name", "$.request.intent", null, null);

    private static UnsupportedRequest ReadUnsupported(string type, JsonElement request) =>
        new(type)
        {
            RequestId = StringOrNull(request, "requestId"),
            // Not a string, or not a date: no timestamp, which the timestamp rule then refuses.
            Timestamp = request.TryGetProperty("timestamp", out var timestamp) && timestamp.ValueKind == JsonValueKind.String &&
                        timestamp.TryGetDateTimeOffset(out var value)
                ? value
                : default,
            Locale = StringOrNull(request, "locale"),
        };

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static T? ReadResult<T>(ConnectionCause cause, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (cause.Result is not { ValueKind: JsonValueKind.Object } result)
        {
            return null;
        }

        try
        {
            return result.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
