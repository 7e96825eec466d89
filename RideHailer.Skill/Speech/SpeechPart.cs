namespace RideHailer.Skill.Speech;

/// <summary>A piece of rendered speech: plain words, or a recognised speaker's first name that Alexa fills in.</summary>
public abstract record SpeechPart;

/// <summary>Plain words (not SSML; the renderer escapes them).</summary>
public sealed record SpokenText(string Text) : SpeechPart;

/// <summary>The first name of a recognised speaker: &lt;alexa:name type="first" personId="…"/&gt;.</summary>
public sealed record PersonFirstName(string PersonId) : SpeechPart;
