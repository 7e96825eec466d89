using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RideHailer.Skill.Alexa.Read.Requests;

/// <summary>
/// Alexa documents <c>cause.status.code</c> as a string ("200"); accept a JSON number too, so a
/// provider that sends 200 unquoted still resolves instead of failing the whole request.
/// </summary>
internal sealed class StatusCodeConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => reader.GetInt64().ToString(CultureInfo.InvariantCulture),
            JsonTokenType.Null => null,
            _ => throw new JsonException("cause.status.code must be a string or a number."),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
