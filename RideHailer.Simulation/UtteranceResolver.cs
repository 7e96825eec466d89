using System.Globalization;
using System.Text.RegularExpressions;

namespace RideHailer.Simulation;

/// <summary>
/// Alexa's language understanding, simplified: invocation phrases, the model's sample utterances (with slot
/// capture and entity resolution), a few phrasings of the built-in intents, and FallbackIntent for the rest.
/// Text is compared lower-case without punctuation; the most literal matching sample wins. At least as lenient as
/// Amazon documents: every launch and one-shot phrase of the invocation table, and filler words around a request.
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

    /// <summary>
    /// Words riders wrap around a request that carry no meaning of their own: tried only when the request as said
    /// matches nothing, so a sample that holds one of them ("{destination} please") still wins as said. "Hold on",
    /// "wait", "actually" open a question asked in the middle of another ("hold on, where is my ride?").
    /// </summary>
    private static readonly Regex Fillers = new(
        "^(?:(?:um|uh|er|erm|hmm|so|well|oh|hey|please|ok so|okay so|wait|hold on|hang on|actually|sorry|by the way) )*(?<request>.+?)(?: (?:please|thanks|thank you|now))*$",
        RegexOptions.CultureInvariant);

    private readonly InteractionModel _model;
    private readonly Dictionary<string, string> _builtInPhrases;
    private readonly Regex _fillers;
    private readonly IReadOnlyList<Sample> _samples;
    private readonly Regex _launch;
    private readonly Regex _oneShot;
    private readonly Regex _oneShotAfter;

    public UtteranceResolver(InteractionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        // A German model is heard with German launch phrases, built-ins and fillers (GermanUtterances).
        var german = SpokenLanguage.IsGerman(model.Locale);
        _builtInPhrases = german ? GermanUtterances.BuiltInPhrases : BuiltInPhrases;
        _fillers = german ? GermanUtterances.Fillers : Fillers;
        _samples = [.. model.Intents.SelectMany(intent => intent.Samples.Select(sample => Sample.Parse(intent, sample)))];
        // Amazon's "Understand How Users Invoke Custom Skills": the launch and one-shot phrases, "the" before the
        // invocation name, and "can you", "let's", "I want to", "please" before the whole phrase.
        const string Before = "^(?:(?<before>please|can you|could you|let's|lets|i want to|i wanna) )?";
        var invocation = $"(?:the )?{Regex.Escape(UtteranceText.Spoken(model.InvocationName))}";
        _launch = new Regex(
            $"{Before}(?:open|launch|start|begin|load|resume|run|play|ask|tell|talk to|use) {invocation}(?: please)?$",
            RegexOptions.CultureInvariant);
        _oneShot = new Regex(
            $"{Before}(?:ask|tell|use|open|launch|start|begin|load|run|talk to) {invocation} (?:(?<connector>to|for|about|that|if|whether|and) )?(?<request>.+)$",
            RegexOptions.CultureInvariant);
        _oneShotAfter = new Regex($"{Before}(?<request>.+) (?:from|using|with|in|on) {invocation}(?: please)?$", RegexOptions.CultureInvariant);
        if (german)
        {
            (_launch, _oneShot, _oneShotAfter) = (GermanUtterances.Launch(invocation), GermanUtterances.OneShot(invocation), GermanUtterances.OneShotAfter(invocation));
        }
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

        if (_oneShot.Match(spoken) is { Success: true } oneShot)
        {
            // "ask Ride Hailer to take me to X": "to" joins; "ask Ride Hailer to X": it may be the rider's own word.
            var request = oneShot.Groups["request"].Value;
            var connector = oneShot.Groups["connector"];
            var resolved = ResolveIntent(request);
            if (resolved.IntentName == FallbackIntent && connector.Success)
            {
                resolved = ResolveIntent($"{connector.Value} {request}");
            }

            return resolved with { OneShot = true };
        }

        if (_oneShotAfter.Match(spoken) is { Success: true } after)
        {
            // "I want to go to X using Ride Hailer": "I want to" may be Amazon's lead-in or the request's own words.
            var request = after.Groups["request"].Value;
            var before = after.Groups["before"];
            var resolved = ResolveIntent(request);
            if (resolved.IntentName == FallbackIntent && before.Success)
            {
                resolved = ResolveIntent($"{before.Value} {request}");
            }

            return resolved with { OneShot = true };
        }

        return ResolveIntent(spoken);
    }

    private IntentUtterance ResolveIntent(string spoken)
    {
        var asSaid = ResolveWords(spoken);
        if (asSaid.IntentName != FallbackIntent && asSaid.Slots.All(Understood))
        {
            return asSaid;
        }

        // "Um, the Space Needle, please": as said it is no intent, or a place no one knows ("um the space needle").
        var request = _fillers.Match(spoken).Groups["request"].Value;
        if (request == spoken)
        {
            return asSaid;
        }

        var withoutFillers = ResolveWords(request);
        return withoutFillers.IntentName != FallbackIntent && (asSaid.IntentName == FallbackIntent || withoutFillers.Slots.All(Understood))
            ? withoutFillers
            : asSaid;

        static bool Understood(ResolvedSlot slot) => slot.Value is null || slot.Type is null || slot.IsResolved;
    }

    private IntentUtterance ResolveWords(string spoken)
    {
        if (_builtInPhrases.TryGetValue(UtteranceText.Words(spoken), out var builtIn))
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
        /// but slots fits only when every custom slot resolves, or holds a street address: otherwise any sentence at
        /// all would fit it. A built-in slot fits only words of its type (AMAZON.Ordinal: "second").
        /// </summary>
        public List<ResolvedSlot>? Match(string spoken, InteractionModel model)
        {
            var match = Pattern.Match(spoken);
            if (!match.Success)
            {
                return null;
            }

            var slots = new List<ResolvedSlot>(Intent.Slots.Count);
            foreach (var slot in Intent.Slots)
            {
                if (Resolve(slot, match.Groups[slot.Name], model) is not { } resolved)
                {
                    return null;
                }

                slots.Add(resolved);
            }

            var free = slots.Where(slot => slot is { Value: not null, Type: not null, IsResolved: false });
            return LiteralLength == 0 && free.Any(slot => !StreetAddress.IsMatch(slot.Value!)) ? null : slots;
        }

        /// <summary>
        /// A house number and a street ("400 broad street"): what Alexa, trained on the destination's address samples,
        /// takes for a destination on its own, passing the words through (ER_SUCCESS_NO_MATCH) as for any custom type.
        /// </summary>
        private static readonly Regex StreetAddress = new(@"^\d+[a-z]? [a-z]", RegexOptions.CultureInvariant);

        /// <summary>The slot as Alexa fills it, or null when the words cannot be a value of its built-in type.</summary>
        private static ResolvedSlot? Resolve(ModelSlot slot, Group captured, InteractionModel model)
        {
            if (!captured.Success)
            {
                return new ResolvedSlot(slot.Name, null);
            }

            if (slot.Type == OrdinalWords.SlotType)
            {
                // Alexa sends AMAZON.Ordinal as digits, without resolutions: "second" → "2".
                return OrdinalWords.Position(captured.Value) is { } position
                    ? new ResolvedSlot(slot.Name, position.ToString(CultureInfo.InvariantCulture))
                    : null;
            }

            return model.SlotTypes.TryGetValue(slot.Type, out var type)
                ? new ResolvedSlot(slot.Name, captured.Value, type.Name, type.Resolve(captured.Value))
                : new ResolvedSlot(slot.Name, captured.Value);
        }
    }
}
