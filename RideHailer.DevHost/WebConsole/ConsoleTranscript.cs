using System.Text.Json.Nodes;
using RideHailer.Simulation;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// The conversation as the page shows it: what the kit tells a transcript (Alexa's speech, Amazon's part of a
/// connection, cards, notes, the end of a session), kept as entries until the turn's answer takes them.
/// The bodies are not kept here: the page gets them whole, with their status and time, from each <see cref="SentRequest"/>.
/// </summary>
internal sealed class ConsoleTranscript : ITranscript
{
    private readonly List<TranscriptEntry> _entries = [];

    public void Rider(string said) => _entries.Add(new TranscriptEntry(TranscriptEntry.RiderKind, said));

    public void Alexa(string speech) => _entries.Add(new TranscriptEntry(TranscriptEntry.AlexaKind, speech));

    public void Aside(string text) => _entries.Add(new TranscriptEntry(TranscriptEntry.AsideKind, text));

    public void Note(string text) => _entries.Add(new TranscriptEntry(TranscriptEntry.NoteKind, text));

    /// <summary>What the rider did in the Alexa app: a line of its own, "Alexa app: skill disabled…".</summary>
    public void AlexaApp(string done) => _entries.Add(new TranscriptEntry(TranscriptEntry.AlexaAppKind, $"Alexa app: {done}"));

    public void Error(string text) => _entries.Add(new TranscriptEntry(TranscriptEntry.ErrorKind, text));

    public void SessionEnded() => _entries.Add(new TranscriptEntry(TranscriptEntry.SessionEndedKind, "session ended"));

    public void Prompt()
    {
        // The page has its own text box.
    }

    public void Card(SkillCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        _entries.Add(new TranscriptEntry(TranscriptEntry.CardKind, card.Title ?? card.Type, new CardView(card.Type, card.Title, card.Content, card.Permissions)));
    }

    public void Json(string label, JsonNode json)
    {
    }

    public void Json(string label, string body)
    {
    }

    /// <summary>The entries told since the last call.</summary>
    public IReadOnlyList<TranscriptEntry> Take()
    {
        var taken = _entries.ToList();
        _entries.Clear();
        return taken;
    }
}
