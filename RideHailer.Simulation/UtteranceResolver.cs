using System.Text.RegularExpressions;

namespace RideHailer.Simulation;

/// <summary>
/// Alexa's language understanding, simplified: invocation phrases, the model's sample utterances (with slot
/// capture and entity resolution), a few phrasings of the built-in intents, and FallbackIntent for the rest.
/// Text is compared lower-case without punctuation; the most literal matching sample wins.
/// </summary>
public sealed class UtteranceResolver
{
    public const string FallbackIntent = "AMAZON.FallbackIntent";

    private static readonly HashSet<string> QuitWords = new(["quit", "exit"], StringComparer.Ordinal);

    /// <summary>A few ways to say each built-in intent; Alexa knows many more.</summary>
    private static readonly Dictionary<string, string> BuiltInPhrases = new (string Intent, string[] Phrases)[]
    {
        ("AMAZON.YesIntent", ["yes", "yeah", "yep", "sure", "ok", "okay", "yes please"]),
        ("AMAZON.NoIntent", ["no", "nope", "nah", "no thank you"]),
        ("AMAZON.HelpIntent", ["help", "help me", "what can i say", "what can you do"]),
        ("AMAZON.StopIntent", ["stop", "be quiet", "shut up"]),
        ("AMAZON.CancelIntent", ["cancel", "never mind", "nevermind", "forget it"]),
        ("AMAZON.NavigateHomeIntent", ["go home", "home"]),
    }.SelectMany(entry => entry.Phrases.Select(phrase => (Phrase: phrase, entry.Intent)))
        .ToDictionary(entry => entry.Phrase, entry => entry.Intent, StringComparer.Ordinal);

    private readonly InteractionModel _model;
    private readonly IReadOnlyList<Sample> _samples;
    private readonly Regex _launch;
    private readonly Regex _oneShot;

    public UtteranceResolver(InteractionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _samples = [.. model.Intents.SelectMany(intent => intent.Samples.Select(sample => Sample.Parse(intent, sample)))];
        var invocation = Regex.Escape(UtteranceText.Spoken(model.InvocationName));
        _launch = new Regex($"^(?:open|launch|start|begin|load|ask|talk to|use) {invocation}$", RegexOptions.CultureInvariant);
        _oneShot = new Regex(
            $"^(?:ask|tell|open|launch|start|use) {invocation} (?:(?:to|for|about|that|if|whether|and) )?(?<request>.+)$",
            RegexOptions.CultureInvariant);
    }

    public ResolvedUtterance Resolve(string? said)
    {
        if (said is null)
        {
            return new Quit();
        }

        var spoken = UtteranceText.Spoken(said);
        if (spoken.StartsWith("alexa ", StringComparison.Ordinal))
        {
            spoken = spoken["alexa ".Length..];
        }

        if (spoken.Length == 0 || spoken == "alexa")
        {
            return new Silence();
        }

        if (QuitWords.Contains(spoken))
        {
            return new Quit();
        }

        if (_launch.IsMatch(spoken))
        {
            return new Launch();
        }

        return _oneShot.Match(spoken) is { Success: true } oneShot
            ? ResolveIntent(oneShot.Groups["request"].Value) with { OneShot = true }
            : ResolveIntent(spoken);
    }

    private IntentUtterance ResolveIntent(string spoken)
    {
        if (BuiltInPhrases.TryGetValue(UtteranceText.Words(spoken), out var builtIn))
        {
            return new IntentUtterance(builtIn, []);
        }

        var best = _samples
            .Select(sample => (Sample: sample, Slots: sample.Match(spoken, _model)))
            .Where(candidate => candidate.Slots is not null)
            .OrderByDescending(candidate => candidate.Sample.LiteralLength)
            .FirstOrDefault();
        return best.Slots is null
            ? new IntentUtterance(FallbackIntent, [])
            : new IntentUtterance(best.Sample.Intent.Name, best.Slots);
    }

    /// <summary>One sample utterance as a pattern: its literal words, and a capture group per slot.</summary>
    private sealed record Sample(ModelIntent Intent, Regex Pattern, int LiteralLength)
    {
        private static readonly Regex SlotReference = new(@"\{(?<slot>[A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant);

        public static Sample Parse(ModelIntent intent, string sample)
        {
            var pattern = new List<string>();
            var literalLength = 0;
            var position = 0;
            foreach (Match slot in SlotReference.Matches(sample))
            {
                AddLiteral(sample[position..slot.Index]);
                pattern.Add($"(?<{slot.Groups["slot"].Value}>.+?)");
                position = slot.Index + slot.Length;
            }

            AddLiteral(sample[position..]);
            return new Sample(intent, new Regex($"^{string.Join(' ', pattern)}$", RegexOptions.CultureInvariant), literalLength);

            void AddLiteral(string text)
            {
                var words = UtteranceText.Spoken(text);
                if (words.Length > 0)
                {
                    // Typed text may leave out an apostrophe ("id like to go"), as recognised speech never would.
                    pattern.Add(Regex.Escape(words).Replace("'", "'?", StringComparison.Ordinal));
                    literalLength += words.Length;
                }
            }
        }

        /// <summary>
        /// The intent's slots if <paramref name="spoken"/> fits this sample, else null. A sample that is nothing
        /// but slots fits only when every slot resolves: otherwise any sentence at all would fit it.
        /// </summary>
        public List<ResolvedSlot>? Match(string spoken, InteractionModel model)
        {
            var match = Pattern.Match(spoken);
            if (!match.Success)
            {
                return null;
            }

            var slots = Intent.Slots.Select(slot => Resolve(slot, match.Groups[slot.Name], model)).ToList();
            var filled = slots.Where(slot => slot.Value is not null).ToList();
            return LiteralLength == 0 && filled.Any(slot => !slot.IsResolved) ? null : slots;
        }

        private static ResolvedSlot Resolve(ModelSlot slot, Group captured, InteractionModel model)
        {
            if (!captured.Success)
            {
                return new ResolvedSlot(slot.Name, null);
            }

            return model.SlotTypes.TryGetValue(slot.Type, out var type)
                ? new ResolvedSlot(slot.Name, captured.Value, type.Name, type.Resolve(captured.Value))
                : new ResolvedSlot(slot.Name, captured.Value);
        }
    }
}
