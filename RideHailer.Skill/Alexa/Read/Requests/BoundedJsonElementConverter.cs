using System.Text.Json;
using System.Text.Json.Serialization;

namespace RideHailer.Skill.Alexa.Read.Requests;

/// <summary>
/// Keeps a raw member (the request before its type is known, <c>cause.result</c>, session attributes, supported
/// interfaces) only if it nests at most <see cref="MaxDepth"/> levels. The envelope's depth limit is the body
/// limit, because skipped members cost nothing at any depth; a kept one is parsed into a JsonDocument, whose
/// parse time grows with depth times size (two seconds for 60,000 levels), and Alexa's own values are shallow.
/// </summary>
internal sealed class BoundedJsonElementConverter : JsonConverter<JsonElement>
{
    /// <summary>System.Text.Json's own default depth limit.</summary>
    public const int MaxDepth = 64;

    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A copy reads ahead without moving the serializer's reader; the serializer has buffered the whole value.
        var ahead = reader;
        var floor = ahead.CurrentDepth;
        if (ahead.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            while (ahead.Read() && ahead.CurrentDepth > floor)
            {
                if (ahead.CurrentDepth - floor >= MaxDepth)
                {
                    throw new JsonException($"The value nests deeper than {MaxDepth} levels.");
                }
            }
        }

        return JsonElement.ParseValue(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        value.WriteTo(writer);
    }
}
