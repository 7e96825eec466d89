using System.Text.Json.Serialization;

namespace RideHailer.Domain;

/// <summary>A piece of speech: plain words, or a recognised speaker's first name that Alexa fills in.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(SpokenText), "text")]
[JsonDerivedType(typeof(PersonFirstName), "personFirstName")]
public abstract record SpeechPart;

/// <summary>Plain words (not SSML; the Skill layer escapes them).</summary>
public sealed record SpokenText(string Text) : SpeechPart;

/// <summary>The first name of a recognised speaker: &lt;alexa:name type="first" personId="…"/&gt;.</summary>
public sealed record PersonFirstName(string PersonId) : SpeechPart;
