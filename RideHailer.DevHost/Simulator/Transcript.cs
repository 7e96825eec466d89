using System.Text.Json;
using System.Text.Json.Nodes;
using RideHailer.Simulation;

namespace RideHailer.DevHost.Simulator;

/// <summary>
/// The conversation as printed: "You: …" and "Alexa: …" lines, cards, notes from the simulator in brackets, and with
/// <c>--json</c> every request and response body. Notes go to <paramref name="notes"/> (piped: standard error).
/// </summary>
internal sealed class Transcript(TextWriter output, bool showJson, TextWriter? notes = null) : ITranscript
{
    private readonly TextWriter _notes = notes ?? output;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public void Rider(string said) => output.WriteLine($"You: {said}");

    public void Alexa(string speech) => output.WriteLine($"Alexa: {speech}");

    /// <summary>Something said or done outside the skill (a rider's turn inside Alexa's consent or PIN task).</summary>
    public void Aside(string text) => output.WriteLine(text);

    public void Note(string text)
    {
        output.Flush();
        _notes.WriteLine($"[simulator] {text}");
        _notes.Flush();
    }

    public void SessionEnded() => output.WriteLine("[session ended]");

    public void Prompt()
    {
        output.Write("You: ");
        output.Flush();
    }

    public void Card(SkillCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        switch (card.Type)
        {
            case "LinkAccount":
                output.WriteLine("[card] LinkAccount: link your Ride Hailer account in the Alexa app");
                break;
            case "AskForPermissionsConsent":
                output.WriteLine($"[card] AskForPermissionsConsent: {string.Join(", ", card.Permissions)}");
                break;
            default:
                output.WriteLine($"[card] {card.Title}");
                foreach (var line in (card.Content ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    output.WriteLine($"       {line}");
                }

                break;
        }
    }

    public void Json(string label, JsonNode json)
    {
        if (showJson)
        {
            output.WriteLine($"--- {label} ---");
            output.WriteLine(json.ToJsonString(Indented));
        }
    }

    public void Json(string label, string body)
    {
        if (showJson)
        {
            output.WriteLine($"--- {label} ---");
            output.WriteLine(body);
        }
    }
}
