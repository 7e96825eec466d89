using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RideHailer.Tests.Support.Speaking;

/// <summary>
/// Plays a whole-session test in <see cref="PseudoPhrases.Locale"/>: each request is sent in that locale, each
/// response is checked to say nothing outside the phrase marks (speech, reprompt, card title and every card line),
/// and handed back without the marks, so the test's own English assertions still hold.
/// </summary>
internal static partial class PseudoLocale
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<JsonNode> ExchangeAsync(Func<JsonNode, Task<JsonNode>> post, JsonNode envelope)
    {
        if (envelope["request"] is JsonObject request)
        {
            request["locale"] = PseudoPhrases.Locale;
        }

        var response = await post(envelope);
        if (response["response"] is JsonObject body)
        {
            AssertMarked(body["outputSpeech"]?["text"], "speech");
            AssertMarked(body["outputSpeech"]?["ssml"], "speech");
            AssertMarked(body["reprompt"]?["outputSpeech"]?["text"], "reprompt");
            AssertMarked(body["reprompt"]?["outputSpeech"]?["ssml"], "reprompt");
            AssertMarked(body["card"]?["title"], "card title");
            foreach (var line in ((string?)body["card"]?["content"] ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                AssertMarked(line, "card line");
            }
        }

        // Written unescaped, so the marks are there to take out as the characters they are.
        return JsonNode.Parse(Unmarked(response.ToJsonString(Unescaped)))!;
    }

    private static void AssertMarked(JsonNode? text, string what) => AssertMarked((string?)text, what);

    private static void AssertMarked(string? text, string what)
    {
        if (text is null)
        {
            return;
        }

        var outside = Markup().Replace(Marked().Replace(text, ""), "").Trim();
        Assert.True(outside.Length == 0, $"The {what} says \"{outside}\" outside any phrase: \"{text}\"");
    }

    private static string Unmarked(string json) =>
        json.Replace(PseudoPhrases.Open.ToString(), "", StringComparison.Ordinal).Replace(PseudoPhrases.Close.ToString(), "", StringComparison.Ordinal);

    /// <summary>One phrase's words, marked (a recognised speaker's name tag may sit inside).</summary>
    [GeneratedRegex("⟦[^⟦⟧]*⟧")]
    private static partial Regex Marked();

    /// <summary>SSML around the phrases.</summary>
    [GeneratedRegex("</?speak>")]
    private static partial Regex Markup();
}
