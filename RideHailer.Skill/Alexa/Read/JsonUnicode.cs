using System.Text.Json;
using System.Text.Unicode;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>
/// System.Text.Json tokenizes a string without decoding it: invalid UTF-8, or an escape that leaves a lone
/// surrogate (<c>"\ud800"</c>), passes the reader and fails only when the string is read, with
/// InvalidOperationException rather than JsonException. Checking a body once here makes every later read of it safe.
/// </summary>
internal static class JsonUnicode
{
    /// <summary>True when every string and property name in <paramref name="json"/>, a syntactically valid document, is valid Unicode.</summary>
    public static bool IsValid(ReadOnlySpan<byte> json, int maxDepth)
    {
        if (!Utf8.IsValid(json))
        {
            return false;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                // Only an escape can decode to something the raw bytes, now known to be UTF-8, are not.
                if (reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        return true;
    }
}
