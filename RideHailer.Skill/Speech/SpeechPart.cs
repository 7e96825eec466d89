namespace RideHailer.Skill.Speech;

/// <summary>A piece of rendered speech: plain words, or a recognised speaker's first name that Alexa fills in.</summary>
public abstract record SpeechPart;

/// <summary>Plain words (not SSML; the renderer escapes them).</summary>
public sealed record SpokenText(string Text) : SpeechPart;

/// <summary>The first name of a recognised speaker: &lt;alexa:name type="first" personId="…"/&gt;.</summary>
public sealed record PersonFirstName(string PersonId) : SpeechPart;

/// <summary>
/// Characters said one by one, like a licence plate: &lt;say-as interpret-as="characters"&gt; in SSML, the
/// characters apart in plain text. Spaces are not said.
/// </summary>
public sealed record SpokenCharacters(string Characters) : SpeechPart
{
    /// <summary>The characters to say, without the spaces between them ("BXK 4821" → "BXK4821").</summary>
    public string Said => string.Concat(Characters.Where(character => !char.IsWhiteSpace(character)));

    /// <summary>The characters apart, for plain text: "B X K 4 8 2 1".</summary>
    public string Apart => string.Join(' ', Said.ToCharArray());
}
