namespace RideHailer.Simulation;

/// <summary>
/// A custom slot type; Alexa's entity resolution maps what was said to one of its values by name or synonym, with or
/// without a leading article of the model's language ("the", or German's "der", "die", "das").
/// </summary>
public sealed class SlotType
{
    private readonly Dictionary<string, SlotTypeValue> _byWords = new(StringComparer.Ordinal);
    private readonly bool _german;

    public SlotType(string name, IReadOnlyList<SlotTypeValue> values, bool german = false)
    {
        Name = name;
        Values = values;
        _german = german;
        foreach (var value in values)
        {
            foreach (var said in value.Synonyms.Prepend(value.Name))
            {
                _byWords.TryAdd(UtteranceText.Words(said), value);
                _byWords.TryAdd(UtteranceText.WithoutArticle(UtteranceText.Words(said), german), value);
            }
        }
    }

    public string Name { get; }

    public IReadOnlyList<SlotTypeValue> Values { get; }

    /// <summary>The value <paramref name="said"/> names (ER_SUCCESS_MATCH), or null (ER_SUCCESS_NO_MATCH).</summary>
    public SlotTypeValue? Resolve(string said)
    {
        var words = UtteranceText.Words(said);
        return _byWords.GetValueOrDefault(words) ?? _byWords.GetValueOrDefault(UtteranceText.WithoutArticle(words, _german));
    }
}

/// <summary>One value of a slot type: the id the skill receives, its canonical name and its synonyms.</summary>
public sealed record SlotTypeValue(string? Id, string Name, IReadOnlyList<string> Synonyms);
