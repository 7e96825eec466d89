using System.Text.RegularExpressions;

namespace RideHailer.Simulation;

/// <summary>
/// What the resolver hears differently in German (<see cref="UtteranceResolver"/> for a de-DE model): a few ways to
/// say each built-in intent, the words riders wrap around a request, and the launch and one-shot phrases of Amazon's
/// German invocation table ("öffne Ride Hailer", "sag Ride Hailer, bring mich zur Space Needle").
/// </summary>
internal static class GermanUtterances
{
    private const string Before = "^(?:(?<before>bitte|kannst du|könntest du) )?";

    /// <summary>A few ways to say each built-in intent; Alexa knows many more.</summary>
    public static Dictionary<string, string> BuiltInPhrases { get; } = new (string Intent, string[] Phrases)[]
    {
        ("AMAZON.YesIntent", ["ja", "jawohl", "genau", "klar", "okay", "ok", "ja bitte", "gerne"]),
        ("AMAZON.NoIntent", ["nein", "nee", "nö", "nein danke"]),
        ("AMAZON.HelpIntent", ["hilfe", "hilf mir", "was kann ich sagen", "was kannst du"]),
        ("AMAZON.StopIntent", ["stopp", "stop", "halt", "sei still"]),
        ("AMAZON.CancelIntent", ["abbrechen", "vergiss es", "egal", "lass es"]),
        ("AMAZON.NavigateHomeIntent", ["startseite", "zur startseite"]),
    }.SelectMany(entry => entry.Phrases.Select(phrase => (Phrase: phrase, entry.Intent)))
        .ToDictionary(entry => UtteranceText.Words(entry.Phrase), entry => entry.Intent, StringComparer.Ordinal);

    /// <summary>Words around a request that carry no meaning of their own, tried only when the request as said matches nothing.</summary>
    public static Regex Fillers { get; } = new(
        "^(?:(?:äh|ähm|hm|also|na|okay also|bitte|moment mal|moment|warte mal|warte|eigentlich|übrigens|sorry) )*(?<request>.+?)(?: (?:bitte|danke|jetzt))*$",
        RegexOptions.CultureInvariant);

    public static Regex Launch(string invocation) => new(
        $"{Before}(?:öffne|öffnen|starte|starten|aktiviere|spiel|spiele|benutze|nutze|frag|frage|sag|sage) {invocation}(?: bitte)?$",
        RegexOptions.CultureInvariant);

    public static Regex OneShot(string invocation) => new(
        $"{Before}(?:frag|frage|sag|sage|bitte|öffne|starte|benutze|nutze) {invocation} (?:(?<connector>nach|um|ob|dass|und) )?(?<request>.+)$",
        RegexOptions.CultureInvariant);

    public static Regex OneShotAfter(string invocation) => new(
        $"{Before}(?<request>.+) (?:mit|über|bei|von) {invocation}(?: bitte)?$",
        RegexOptions.CultureInvariant);
}
